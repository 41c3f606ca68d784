// CSV text for downloads: papaparse with `escapeFormulae` (a cell starting with =, +, -, @, tab or
// carriage return is prefixed with ' so a spreadsheet shows it as text instead of running it), CRLF
// line ends and a UTF-8 byte-order mark so Excel reads accents correctly.
import Papa from 'papaparse'

/**
 * papaparse's own `escapeFormulae: true` pattern (/^[=+\-@\t\r].*$/) misses a multi-line cell ("." stops
 * at the first line break), so a worksheet field like "+1 …\n…" would slip through: test the first
 * character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function toCsv(fields: readonly string[], rows: readonly (readonly (string | number | null)[])[]) {
  const text = Papa.unparse(
    { fields: [...fields], data: rows.map((r) => r.map((c) => (c === null ? '' : c))) },
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
  )
  return `\uFEFF${text}\r\n`
}

/** "observations-chronic-absence-2026-11-24.csv": safe in a Content-Disposition header. */
export function csvFileName(parts: readonly string[], now: Date): string {
  const slug = parts
    .join('-')
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 80)
  return `${slug}-${now.toISOString().slice(0, 10)}.csv`
}
