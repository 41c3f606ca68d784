import type { Actor } from '@pdsa/domain'
import type { DbTx } from '../db/client.ts'
import type { Prisma } from '../db/generated/client.ts'

export interface AuditEntry {
  action: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
}

/** JSON-safe copy: Dates become ISO strings, bigints strings, undefined fields dropped. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue
}

/** Appends an audit event. Call it inside the transaction that makes the change. */
export async function recordAudit(
  db: DbTx,
  actor: Pick<Actor, 'userId' | 'districtId'>,
  entry: AuditEntry,
): Promise<void> {
  await db.auditEvent.create({
    data: {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  })
}

/** Only the fields that changed, as { before, after }. */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>) {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    const old = before[key]
    const same =
      old instanceof Date && value instanceof Date
        ? old.getTime() === value.getTime()
        : JSON.stringify(old) === JSON.stringify(value)
    if (!same) {
      b[key] = old
      a[key] = value
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 }
}
