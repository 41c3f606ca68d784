import { type Actor, canLeadDistrict, type ListAuditEventsInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import type { Prisma } from '../../db/generated/client.ts'
import { assertAllowed, fromIsoDate } from '../shared.ts'

const DAY_MS = 86_400_000

/**
 * The district's audit log, newest first, one page at a time (`nextCursor` is null on the last page).
 * The first page also lists the actors, entity types and actions that occur, for the filters.
 */
export async function listAuditEvents({
  db,
  actor,
  limit,
  cursor,
  ...filter
}: { db: DbTx; actor: Actor } & ListAuditEventsInput) {
  assertAllowed(canLeadDistrict(actor), 'Only district leaders and admins can read the audit log.')
  const districtId = actor.districtId
  const where: Prisma.AuditEventWhereInput = {
    districtId,
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: fromIsoDate(filter.from) } : {}),
            ...(filter.to ? { lt: new Date(fromIsoDate(filter.to).getTime() + DAY_MS) } : {}),
          },
        }
      : {}),
    ...(cursor ? { id: { lt: BigInt(cursor) } } : {}),
  }
  const rows = await db.auditEvent.findMany({
    where,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
    orderBy: { id: 'desc' },
    take: limit + 1,
  })
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    events: page.map((r) => ({ ...r, id: r.id.toString() })),
    nextCursor: rows.length > limit && last ? last.id.toString() : null,
    facets: cursor ? null : await auditFacets(db, districtId),
  }
}

async function auditFacets(db: DbTx, districtId: string) {
  const [entityTypes, actions, actors] = await Promise.all([
    db.auditEvent.findMany({
      where: { districtId },
      distinct: ['entityType'],
      select: { entityType: true },
      orderBy: { entityType: 'asc' },
    }),
    db.auditEvent.findMany({
      where: { districtId },
      distinct: ['action'],
      select: { action: true },
      orderBy: { action: 'asc' },
    }),
    db.user.findMany({
      where: { districtId, auditEvents: { some: {} } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ])
  return {
    entityTypes: entityTypes.map((e) => e.entityType),
    actions: actions.map((a) => a.action),
    actors,
  }
}
