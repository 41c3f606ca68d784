import { type Actor, canLeadDistrict, type ListAuditEventsInput, startOfDayInZone } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import type { Prisma } from '../../db/generated/client.ts'
import { assertAllowed, fromIsoDate, toIsoDate } from '../shared.ts'

const DAY_MS = 86_400_000
const nextIsoDate = (iso: string) => toIsoDate(new Date(fromIsoDate(iso).getTime() + DAY_MS))

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
  const { timeZone } = await db.district.findUniqueOrThrow({
    where: { id: districtId },
    select: { timeZone: true },
  })
  const where: Prisma.AuditEventWhereInput = {
    districtId,
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    // The filter's days are the district's days (its time zone), as the log shows its times.
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: startOfDayInZone(filter.from, timeZone) } : {}),
            ...(filter.to ? { lt: startOfDayInZone(nextIsoDate(filter.to), timeZone) } : {}),
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
  const names = await entityNames(db, districtId, page)
  return {
    events: page.map((r) => ({
      ...r,
      id: r.id.toString(),
      /** The record's name (a user's, a goal's title…), not its id, where it still exists. */
      entityName: names.get(`${r.entityType}:${r.entityId}`) ?? null,
    })),
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

/** Names of the records a page of events points at, in one query per kind (within the district). */
async function entityNames(
  db: DbTx,
  districtId: string,
  events: readonly { entityType: string; entityId: string }[],
): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId)),
  ]
  const uuid = /^[0-9a-f-]{36}$/i
  const of = (type: string) => ids(type).filter((id) => uuid.test(id))
  const [users, schools, teams, goals, cycles, measures, districtGoals, ideas, groups, imports] =
    await Promise.all([
      db.user.findMany({ where: { districtId, id: { in: of('user') } }, select: { id: true, name: true } }),
      db.school.findMany({
        where: { districtId, id: { in: of('school') } },
        select: { id: true, name: true },
      }),
      db.team.findMany({ where: { districtId, id: { in: of('team') } }, select: { id: true, name: true } }),
      db.equityGoal.findMany({
        where: { districtId, id: { in: of('equity_goal') } },
        select: { id: true, title: true },
      }),
      db.pdsaCycle.findMany({
        where: { districtId, id: { in: of('pdsa_cycle') } },
        select: { id: true, title: true },
      }),
      db.measure.findMany({
        where: { districtId, id: { in: of('measure') } },
        select: { id: true, name: true },
      }),
      db.districtGoal.findMany({
        where: { districtId, id: { in: of('district_goal') } },
        select: { id: true, code: true, title: true },
      }),
      db.changeIdea.findMany({
        where: { districtId, id: { in: of('change_idea') } },
        select: { id: true, title: true },
      }),
      db.studentGroup.findMany({
        where: { districtId, id: { in: of('student_group') } },
        select: { id: true, name: true },
      }),
      db.importBatch.findMany({
        where: { districtId, id: { in: of('import_batch') } },
        select: { id: true, fileName: true },
      }),
    ])
  const out = new Map<string, string>()
  for (const u of users) out.set(`user:${u.id}`, u.name)
  for (const s of schools) out.set(`school:${s.id}`, s.name)
  for (const t of teams) out.set(`team:${t.id}`, t.name)
  for (const g of goals) out.set(`equity_goal:${g.id}`, g.title)
  for (const c of cycles) out.set(`pdsa_cycle:${c.id}`, c.title)
  for (const m of measures) out.set(`measure:${m.id}`, m.name)
  for (const d of districtGoals) out.set(`district_goal:${d.id}`, `${d.code} ${d.title}`)
  for (const i of ideas) out.set(`change_idea:${i.id}`, i.title)
  for (const g of groups) out.set(`student_group:${g.id}`, g.name)
  for (const b of imports) out.set(`import_batch:${b.id}`, b.fileName)
  return out
}
