// Reading an import file: bytes → text (UTF-8, else Windows-1252) → records (papaparse) → the columns
// it names. Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is 2.
import { DomainError, IMPORT_COLUMNS, type ImportColumn, type ImportRowError } from '@pdsa/domain'
import Papa from 'papaparse'

export interface ParsedRecord {
  /** The spreadsheet row number (header = 1). */
  row: number
  cells: string[]
}

export interface ParsedFile {
  columns: Partial<Record<ImportColumn, number>>
  records: ParsedRecord[]
  /** Rows papaparse could not read cleanly (an unterminated quote…). */
  rowErrors: ImportRowError[]
  notes: string[]
}

const fileProblem = (message: string) =>
  new DomainError('VALIDATION', message, { fieldErrors: { file: [message] } })

/** The file's text. Spreadsheets on Windows often save "CSV" as Windows-1252: read that too. */
export function decodeFile(bytes: Uint8Array): { text: string; notes: string[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notes: [] }
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      notes: ['The file is not UTF-8 text; it was read as Windows-1252. Save it as “CSV UTF-8” to be sure.'],
    }
  }
}

/** "Student Group" → "student_group". */
export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  if (firstLine.includes(',')) return ','
  if (firstLine.includes(';')) return ';'
  if (firstLine.includes('\t')) return '\t'
  return ','
}

export function parseImportFile(text: string): ParsedFile {
  const result = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false })
  const [header, ...data] = result.data
  if (!header || header.every((h) => h.trim() === '')) {
    throw fileProblem(`The file is empty. The first row must name the columns: ${IMPORT_COLUMNS.join(', ')}.`)
  }
  const names = header.map(normaliseHeader)
  const columns: Partial<Record<ImportColumn, number>> = {}
  const ignored: string[] = []
  names.forEach((name, index) => {
    if (name === '') return
    if ((IMPORT_COLUMNS as readonly string[]).includes(name)) {
      const column = name as ImportColumn
      if (columns[column] !== undefined)
        throw fileProblem(`The column “${name}” appears twice in the first row.`)
      columns[column] = index
    } else ignored.push(header[index]?.trim() ?? name)
  })
  const missing: ImportColumn[] = (['measure', 'school', 'period', 'student_group'] as const).filter(
    (c) => columns[c] === undefined,
  )
  if (columns.value === undefined && (columns.numerator === undefined || columns.denominator === undefined)) {
    missing.push(columns.value === undefined && columns.numerator === undefined ? 'value' : 'denominator')
  }
  if (missing.length > 0) {
    const found = header.map((h) => h.trim()).filter(Boolean)
    throw fileProblem(
      `The file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. ` +
        `Columns found: ${found.length ? found.join(', ') : 'none'}. The first row must name the columns ` +
        'measure, school, period, student_group, and value or numerator and denominator.',
    )
  }
  const records: ParsedRecord[] = []
  data.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return
    records.push({ row: index + 2, cells })
  })
  if (records.length === 0) throw fileProblem('The file has a header row but no data rows.')
  const rowErrors = result.errors
    .filter((e) => e.type === 'Quotes' && e.row !== undefined)
    .map((e) => ({
      row: (e.row as number) + 1,
      message: `Row ${(e.row as number) + 1}: a quoted cell is not closed (${e.message.toLowerCase()}).`,
    }))
  const notes = ignored.length
    ? [
        `These columns are not used and were ignored: ${ignored.slice(0, 10).join(', ')}${ignored.length > 10 ? '…' : ''}.`,
      ]
    : []
  return { columns, records, rowErrors, notes }
}
