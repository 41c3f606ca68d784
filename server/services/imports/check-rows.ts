// Checking every row of an import file with the same rules as the entry grid (ObservationValueSchema and
// observationRowProblems from packages/domain), plus what only a file can get wrong: unknown codes,
// schools the importer may not enter data for, duplicated rows. Each problem names its row.
import {
  type ImportColumn,
  type ImportRowError,
  IsoDateSchema,
  ObservationValueSchema,
  observationRowProblems,
  observationValue,
} from '@pdsa/domain'
import type { ImportLookups } from './lookups.ts'
import type { ParsedFile, ParsedRecord } from './parse-file.ts'

export interface CheckedRow {
  row: number
  measureId: string
  schoolId: string
  studentGroupId: string
  period: string
  value: number
  numerator: number | null
  denominator: number | null
}

export interface CheckedFile {
  /** Rows without a problem, in file order. */
  valid: CheckedRow[]
  /** Row numbers with at least one problem. */
  invalidRows: Set<number>
  errors: ImportRowError[]
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/
/** How far a value may be from numerator / denominator × multiplier (a value rounded to 2 decimals). */
const VALUE_TOLERANCE = 0.0051
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000'

type Cells = Record<ImportColumn, string>

/** YYYY-MM-DD naming a day that exists (not 2026-02-30). */
function isRealDate(text: string): boolean {
  if (!ISO_SHAPE.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

export function cellsOf(record: ParsedRecord, columns: ParsedFile['columns']): Cells {
  const cell = (c: ImportColumn) => {
    const index = columns[c]
    return index === undefined ? '' : (record.cells[index] ?? '').trim()
  }
  return {
    measure: cell('measure'),
    school: cell('school'),
    period: cell('period'),
    student_group: cell('student_group'),
    value: cell('value'),
    numerator: cell('numerator'),
    denominator: cell('denominator'),
  }
}

/** The problems of one row (as sentences without the row number), or the row ready to write. */
function checkRow(
  cells: Cells,
  lookups: ImportLookups,
): { problems: string[]; row?: Omit<CheckedRow, 'row'> } {
  const problems: string[] = []
  const measure = cells.measure ? lookups.measures.get(cells.measure) : undefined
  if (!cells.measure) problems.push('measure is empty.')
  else if (!measure)
    problems.push(`measure ${cells.measure} does not exist — known measures: ${lookups.measures.known()}.`)
  else if (measure.archived)
    problems.push(`measure ${measure.code} is archived: restore it before importing.`)
  const school = cells.school ? lookups.schools.get(cells.school) : undefined
  if (!cells.school) problems.push('school is empty.')
  else if (!school)
    problems.push(`school ${cells.school} does not exist — known schools: ${lookups.schools.known()}.`)
  else if (!lookups.canEnter(school.id))
    problems.push(`you may not enter data for school ${school.code} (${school.name}).`)
  if (measure && school && measure.schoolId && measure.schoolId !== school.id) {
    problems.push(
      `measure ${measure.code} is another school’s own measure; it cannot be used at ${school.code}.`,
    )
  }
  const group = cells.student_group ? lookups.groups.get(cells.student_group) : undefined
  if (!cells.student_group) problems.push('student_group is empty.')
  else if (!group)
    problems.push(
      `student group ${cells.student_group} does not exist — known groups: ${lookups.groups.known()}.`,
    )
  else if (!group.isActive) problems.push(`student group ${group.code} (${group.name}) is no longer in use.`)

  let periodOk = false
  if (!cells.period) problems.push('period is empty.')
  else if (!ISO_SHAPE.test(cells.period) || !IsoDateSchema.safeParse(cells.period).success) {
    problems.push(
      isRealDate(cells.period)
        ? `period ${cells.period} is outside the years 2000 to 2100.`
        : `period ${cells.period} is not a date (use YYYY-MM-DD, e.g. 2025-09-01).`,
    )
  } else periodOk = true

  const numbers: Record<'value' | 'numerator' | 'denominator', number | null> = {
    value: null,
    numerator: null,
    denominator: null,
  }
  let numbersOk = true
  for (const field of ['value', 'numerator', 'denominator'] as const) {
    const raw = cells[field]
    if (raw === '') continue
    if (!NUMBER.test(raw)) {
      problems.push(`${field} ${raw} is not a number.`)
      numbersOk = false
    } else numbers[field] = Number(raw)
  }
  if (!numbersOk || !periodOk) return { problems }

  const entered = { period: cells.period, ...numbers }
  const parsed = ObservationValueSchema.safeParse({ studentGroupId: group?.id ?? PLACEHOLDER_ID, ...entered })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '')
      const raw = cells[field as ImportColumn]
      problems.push(`${field}${raw ? ` ${raw}` : ''}: ${issue.message}`)
    }
    return { problems }
  }
  if (!measure) return { problems }
  for (const p of observationRowProblems(entered, measure, lookups.today)) {
    problems.push(p.field === 'period' ? `period ${cells.period}: ${p.message}` : p.message)
  }
  const value = observationValue(entered, measure) as number
  if (numbers.value !== null && numbers.numerator !== null && numbers.denominator !== null) {
    if (Math.abs(numbers.value - value) > VALUE_TOLERANCE) {
      problems.push(
        `value ${cells.value} does not match numerator / denominator (${Math.round(value * 1000) / 1000}); ` +
          'leave value empty or correct it.',
      )
    }
  }
  if (problems.length > 0 || !school || !group) return { problems }
  return {
    problems,
    row: {
      measureId: measure.id,
      schoolId: school.id,
      studentGroupId: group.id,
      period: cells.period,
      value,
      numerator: numbers.numerator,
      denominator: numbers.denominator,
    },
  }
}

const CHUNK = 10_000

/** Checks every record; yields to the event loop between chunks so progress can be reported. */
export async function checkImportRows(
  file: ParsedFile,
  lookups: ImportLookups,
  onProgress?: (done: number, total: number) => void,
): Promise<CheckedFile> {
  const valid: CheckedRow[] = []
  const invalidRows = new Set<number>(file.rowErrors.map((e) => e.row))
  const errors: ImportRowError[] = [...file.rowErrors]
  const firstRowOf = new Map<string, number>()
  const total = file.records.length
  for (let start = 0; start < total; start += CHUNK) {
    for (const record of file.records.slice(start, start + CHUNK)) {
      const { problems, row } = checkRow(cellsOf(record, file.columns), lookups)
      if (row) {
        const key = `${row.measureId}|${row.schoolId}|${row.studentGroupId}|${row.period}`
        const first = firstRowOf.get(key)
        if (first !== undefined) {
          problems.push(`duplicates row ${first} (same measure, school, student group and period).`)
        } else firstRowOf.set(key, record.row)
      }
      if (problems.length > 0 || invalidRows.has(record.row)) {
        invalidRows.add(record.row)
        for (const p of problems) errors.push({ row: record.row, message: `Row ${record.row}: ${p}` })
      } else if (row) valid.push({ row: record.row, ...row })
    }
    onProgress?.(Math.min(start + CHUNK, total), total)
    await new Promise((resolve) => setImmediate(resolve))
  }
  errors.sort((a, b) => a.row - b.row)
  return { valid, invalidRows, errors }
}
