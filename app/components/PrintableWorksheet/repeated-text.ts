// Whether a narrative text only repeats what a table of the printed worksheet already shows (the
// questions and predictions are kept both as rows and, in older worksheets, as free text): the sheet
// prints such a text once, in the table.

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/^\s*(?:\d+[.)]|[-•*]|q\d*:?)\s*/u, '')
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim()

/** True when every non-empty line of `text` appears in one of `shown` (case, numbering and punctuation aside). */
export function repeatsShownText(text: string, shown: readonly string[]): boolean {
  const lines = text
    .split(/\n+/)
    .map(normalize)
    .filter((l) => l.length > 0)
  if (lines.length === 0) return true
  const haystack = shown.map(normalize).filter((s) => s.length > 0)
  return lines.every((line) => haystack.some((s) => s.includes(line)))
}
