// Signals about a school for the people who watch it (its coaches, and the district leaders who follow
// it): a new alignment finding, and a cycle verdict that became "improved" or "worsened". Both are
// derived from the data, not from one write, so a recurring job computes them like the district's own
// screens do (with the district's suppression: ADR 011) and the dedupe key keeps each one to one
// notification per person. Idempotent; safe on several instances.
import { type Actor, CYCLE_VERDICT_LABELS, canReadDistrict, canReadGoal, canReadTeam } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { computeCycleVerdicts } from '../analytics/cycle-verdicts.ts'
import { loadAlignmentData } from '../district/alignment-data.ts'
import { alignmentFlags } from '../district/alignment-flags.ts'
import { buildAlignmentTree } from '../district/alignment-tree.ts'
import { notify, type OnNotified } from './notify.ts'
import { schoolWatcherIds } from './recipients.ts'

/** Reads the district as its leaders do (the rules of what a leader may see apply). */
const districtReader = (districtId: string): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  districtId,
  name: 'Notification scan',
  email: '',
  grants: [{ role: 'district_leader', schoolId: null, teamId: null }],
})

export async function scanSchoolSignals({
  db,
  now,
  onNotified,
}: {
  db: Db
  now: Date
  onNotified?: OnNotified
}): Promise<{ findings: number; verdicts: number }> {
  const districts = await db.district.findMany({ select: { id: true } })
  const notified = new Set<string>()
  let findings = 0
  let verdicts = 0
  for (const { id: districtId } of districts) {
    const reader = districtReader(districtId)
    const data = await loadAlignmentData(db, reader, { cycleVerdicts: false })
    const flags = alignmentFlags(data, buildAlignmentTree(data))
    for (const flag of flags) {
      if (!flag.schoolId) continue
      const subject = flag.cycleId ?? flag.goalId ?? flag.districtGoalId ?? flag.schoolId
      const place = await findingPlace(db, flag)
      const ids = await db.$transaction(async (tx) =>
        notify(tx, {
          districtId,
          actorId: null,
          category: 'school_signal',
          dedupeKey: `finding:${flag.kind}:${flag.schoolId}:${subject}:${flag.studentGroupId ?? 'all'}`,
          title: `New alignment finding (${flag.severity})`,
          body: flag.message,
          link: place.link,
          recipientIds: await schoolWatcherIds(tx, districtId, flag.schoolId as string),
          canOpen: place.canOpen,
          createdAt: now,
        }),
      )
      findings += ids.length
      for (const id of ids) notified.add(id)
    }

    const cycles = await db.pdsaCycle.findMany({
      where: { districtId, stage: { in: ['do', 'study', 'act', 'complete'] } },
      select: { id: true, title: true, schoolId: true, teamId: true },
    })
    const byId = new Map(cycles.map((c) => [c.id, c]))
    const computed = await computeCycleVerdicts({ db, actor: reader, cycleIds: cycles.map((c) => c.id) })
    for (const [cycleId, list] of computed) {
      const cycle = byId.get(cycleId)
      if (!cycle) continue
      for (const v of list) {
        if (v.verdict !== 'improved' && v.verdict !== 'worsened') continue
        const ids = await db.$transaction(async (tx) =>
          notify(tx, {
            districtId,
            actorId: null,
            category: 'school_signal',
            dedupeKey: `cycle:${cycleId}:measure:${v.measureId}:group:${v.studentGroupId ?? 'all'}:verdict:${v.verdict}`,
            title: `“${cycle.title}”: ${v.measureName} ${CYCLE_VERDICT_LABELS[v.verdict].toLowerCase()}`,
            body: v.message,
            link: `/cycles/${cycleId}#linked-measures`,
            recipientIds: await schoolWatcherIds(tx, districtId, cycle.schoolId, cycle.teamId),
            canOpen: (r) => canReadTeam(r, cycle),
            createdAt: now,
          }),
        )
        verdicts += ids.length
        for (const id of ids) notified.add(id)
      }
    }
  }
  if (notified.size) onNotified?.([...notified])
  return { findings, verdicts }
}

/**
 * Where a finding points: the cycle or goal it is about (so a team's coach can open it), else the
 * district's alignment audit (district readers only).
 */
async function findingPlace(
  db: Db,
  flag: { kind: string; cycleId: string | null; goalId: string | null; districtGoalId: string | null },
): Promise<{ link: string; canOpen: (r: Actor) => boolean }> {
  if (flag.cycleId) {
    const cycle = await db.pdsaCycle.findUniqueOrThrow({
      where: { id: flag.cycleId },
      select: { schoolId: true, teamId: true },
    })
    return { link: `/cycles/${flag.cycleId}`, canOpen: (r) => canReadTeam(r, cycle) }
  }
  if (flag.goalId) {
    const goal = await db.equityGoal.findUniqueOrThrow({
      where: { id: flag.goalId },
      select: { schoolId: true, teamId: true },
    })
    return { link: `/goals/${flag.goalId}`, canOpen: (r) => canReadGoal(r, goal) }
  }
  return {
    link: `/district/alignment#finding-${flag.kind}-${flag.districtGoalId ?? ''}`,
    canOpen: canReadDistrict,
  }
}
