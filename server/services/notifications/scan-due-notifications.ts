// Time-based notifications, run by a recurring job (part A's queue) and safe to run any number of times,
// on any number of instances: each reminder has its dedupe key, so a second run adds nothing.
//   overdue  — a cycle still in Plan or Do after its planned end (the district's local date) → the team;
//   data due — a measure linked to a cycle in Do or Study with no data for two finished periods → the team.
import { canReadTeam, dataDuePeriods, localTime } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { fromIsoDate, toIsoDate } from '../shared.ts'
import { notify, type OnNotified } from './notify.ts'
import { teamEditorIds } from './recipients.ts'

export async function scanDueNotifications({
  db,
  now,
  onNotified,
}: {
  db: Db
  now: Date
  onNotified?: OnNotified
}): Promise<{ overdue: number; dataDue: number }> {
  const districts = await db.district.findMany({ select: { id: true, timeZone: true } })
  let overdue = 0
  let dataDue = 0
  const notified = new Set<string>()
  for (const district of districts) {
    const today = localTime(now, district.timeZone).date
    for (const ids of await scanOverdue(db, district.id, today, now)) {
      overdue += ids.length
      for (const id of ids) notified.add(id)
    }
    for (const ids of await scanDataDue(db, district.id, today, now)) {
      dataDue += ids.length
      for (const id of ids) notified.add(id)
    }
  }
  if (notified.size) onNotified?.([...notified])
  return { overdue, dataDue }
}

async function scanOverdue(db: Db, districtId: string, today: string, now: Date): Promise<string[][]> {
  const cycles = await db.pdsaCycle.findMany({
    where: { districtId, stage: { in: ['plan', 'do'] }, plannedEnd: { lt: fromIsoDate(today) } },
    select: { id: true, schoolId: true, teamId: true, title: true, plannedEnd: true, ownerId: true },
  })
  const out: string[][] = []
  for (const cycle of cycles) {
    const end = toIsoDate(cycle.plannedEnd)
    const team = await teamEditorIds(db, cycle.teamId)
    out.push(
      await db.$transaction((tx) =>
        notify(tx, {
          districtId,
          actorId: null,
          category: 'cycle_overdue',
          // A new planned end that passes again is a new reminder.
          dedupeKey: `cycle:${cycle.id}:overdue:${end}`,
          title: `“${cycle.title}” passed its planned end (${end}) without moving to Study`,
          body: 'Move it on, or change its planned end if the test runs longer.',
          link: `/cycles/${cycle.id}#cycle-header`,
          recipientIds: cycle.ownerId ? [...team, cycle.ownerId] : team,
          canOpen: (r) => canReadTeam(r, cycle),
          createdAt: now,
        }),
      ),
    )
  }
  return out
}

async function scanDataDue(db: Db, districtId: string, today: string, now: Date): Promise<string[][]> {
  const links = await db.cycleMeasure.findMany({
    where: { cycle: { districtId, stage: { in: ['do', 'study'] } }, measure: { archivedAt: null } },
    select: {
      cycle: {
        select: {
          id: true,
          schoolId: true,
          teamId: true,
          title: true,
          actualStart: true,
          plannedStart: true,
        },
      },
      measure: { select: { id: true, name: true, cadence: true } },
    },
  })
  const sinceOf = (cycle: (typeof links)[number]['cycle']) =>
    toIsoDate(cycle.actualStart ?? cycle.plannedStart)
  const keyOf = (measureId: string, schoolId: string) => `${measureId}|${schoolId}`
  // Every link's observed periods in one query (measure × school, from the earliest cycle start), not one each.
  const pairs = new Map(
    links.map(({ cycle, measure }) => [keyOf(measure.id, cycle.schoolId), [measure.id, cycle.schoolId]]),
  )
  const earliest = links.map((l) => sinceOf(l.cycle)).sort()[0]
  const rows = earliest
    ? await db.observation.findMany({
        where: {
          OR: [...pairs.values()].map(([measureId, schoolId]) => ({ measureId, schoolId })),
          period: { gte: fromIsoDate(earliest) },
        },
        select: { measureId: true, schoolId: true, period: true },
        distinct: ['measureId', 'schoolId', 'period'],
      })
    : []
  const periodsAt = new Map<string, string[]>()
  for (const r of rows) {
    const key = keyOf(r.measureId, r.schoolId)
    const periods = periodsAt.get(key) ?? []
    periods.push(toIsoDate(r.period))
    periodsAt.set(key, periods)
  }
  const out: string[][] = []
  for (const { cycle, measure } of links) {
    const since = sinceOf(cycle)
    const due = dataDuePeriods({
      cadence: measure.cadence,
      since,
      today,
      // Only periods since this cycle started count, as before.
      observed: new Set((periodsAt.get(keyOf(measure.id, cycle.schoolId)) ?? []).filter((p) => p >= since)),
    })
    if (!due) continue
    const team = await teamEditorIds(db, cycle.teamId)
    out.push(
      await db.$transaction((tx) =>
        notify(tx, {
          districtId,
          actorId: null,
          category: 'data_due',
          dedupeKey: `measure:${measure.id}:cycle:${cycle.id}:period:${due[1]}`,
          title: `No data for “${measure.name}” in the last two periods`,
          body: `“${cycle.title}” reads this measure: nothing entered for ${due[0]} or ${due[1]}.`,
          link: `/cycles/${cycle.id}#linked-measures`,
          recipientIds: team,
          canOpen: (r) => canReadTeam(r, cycle),
          createdAt: now,
        }),
      ),
    )
  }
  return out
}
