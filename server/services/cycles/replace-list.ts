// Replace-list saves (questions, tasks): rows sent with an id are updated in place, rows without one
// are created, rows not sent are removed. Only rows that differ are written.

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date
    ? a.getTime() === b.getTime()
    : JSON.stringify(a) === JSON.stringify(b)

/** Whether every field of `incoming` has the same value in `existing`. */
export function sameFields(existing: Record<string, unknown>, incoming: Record<string, unknown>): boolean {
  return Object.entries(incoming).every(([k, v]) => same(existing[k] ?? null, v ?? null))
}

export async function replaceList<E extends { id: string }, I extends { id?: string | undefined }>(opts: {
  existing: readonly E[]
  incoming: readonly I[]
  remove: (ids: string[]) => Promise<unknown>
  update: (row: I & { id: string }) => Promise<unknown>
  create: (row: I) => Promise<{ id: string }>
  /** The fields that matter for "did it change" and for the audit trail (ids dropped). */
  comparable: (row: Record<string, unknown>) => Record<string, unknown>
}): Promise<{ changed: boolean; after: Record<string, unknown>[]; ids: string[] }> {
  const kept = new Set(opts.incoming.map((r) => r.id).filter(Boolean))
  const removed = opts.existing.filter((e) => !kept.has(e.id)).map((e) => e.id)
  let changed = removed.length > 0
  if (removed.length > 0) await opts.remove(removed)
  const byId = new Map(opts.existing.map((e) => [e.id, e]))
  // The id of every incoming row, in order: new rows get theirs from the create.
  const ids: string[] = []
  for (const row of opts.incoming) {
    const current = row.id ? byId.get(row.id) : undefined
    if (!current) {
      ids.push((await opts.create(row)).id)
      changed = true
    } else {
      ids.push(current.id)
      if (!sameFields(current, opts.comparable(row))) {
        await opts.update(row as I & { id: string })
        changed = true
      }
    }
  }
  return { changed, after: opts.incoming.map((r) => opts.comparable(r as Record<string, unknown>)), ids }
}
