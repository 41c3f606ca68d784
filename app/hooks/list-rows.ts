// Pure helpers for the worksheet lists that save themselves (ADR 032): which rows are sent, how server
// field errors on the sent rows find their form rows, and how new rows get the ids the save gave them.

/** A form row: `key` is stable for React and for matching a save's answer; `id` once saved. */
export interface ListRow {
  key: string
  id?: string | undefined
}

/** The rows worth saving, with their index in the form: every saved row, and new rows once started. */
export function startedRows<R extends ListRow>(
  rows: readonly R[],
  isBlank: (row: R) => boolean,
): { row: R; index: number }[] {
  return rows.map((row, index) => ({ row, index })).filter(({ row }) => row.id || !isBlank(row))
}

/**
 * Server field errors name the row by its place among the rows sent (`questions.1.prediction`); the form
 * counts every row, blank new ones too. Other paths are kept as they are.
 */
export function errorsOnFormRows(
  errors: Record<string, string>,
  list: string,
  sent: readonly { index: number }[],
): Record<string, string> {
  const pattern = new RegExp(`^${list}\\.(\\d+)\\.(.+)$`)
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const match = pattern.exec(path)
      const row = match ? sent[Number(match[1])] : undefined
      return [row && match ? `${list}.${row.index}.${match[2]}` : path, message]
    }),
  )
}

/** Writes the ids a save gave the rows it sent (matched by key) into rows that have none yet. */
export function withSavedIds<R extends ListRow>(
  rows: readonly R[],
  sent: readonly { row: ListRow }[],
  ids: readonly string[],
): R[] {
  const idOf = new Map(sent.map(({ row }, j) => [row.key, ids[j]]))
  return rows.map((row) => (row.id || !idOf.has(row.key) ? row : { ...row, id: idOf.get(row.key) }))
}

/** Validation messages of the form, without those on rows that are not saved (blank new rows). */
export function errorsOnStartedRows<E>(
  errors: Record<string, E>,
  started: readonly { index: number }[],
): Record<string, E> {
  const kept = new Set(started.map(({ index }) => index))
  return Object.fromEntries(
    Object.entries(errors).filter(([path]) => {
      const index = path.split('.')[1]
      return index === undefined || !/^\d+$/.test(index) || kept.has(Number(index))
    }),
  )
}
