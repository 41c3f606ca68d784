// Signals about a school for the people who watch it (its coaches, and the district leaders who follow
// it): a new alignment finding, and a cycle verdict that became "improved" or "worsened". Both are
// derived from the data, not from one write, so a recurring job computes them like the district's own
// screens do (with the district's suppression: ADR 011). A signal notifies once, when the scan first
// sees it (SchoolSignalSeen); a district's first scan only records what already stands, so a new
// deployment does not announce every standing finding. The dedupe key keeps each one to one
// notification per person. Idempotent; safe on several instances.
import { type Actor, CYCLE_VERDICT_LABELS, canReadDistrict, canReadGoal, canReadTeam } from '@pdsa/domain'
import type { Db, DbTx } from '../../db/client.ts'
import { computeCycleVerdicts } from '../analytics/cycle-verdicts.ts'
import { loadAlignmentData } from '../district/alignment-data.ts'
import { alignmentFlags } from '../district/alignment-flags.ts'
import { buildAlignmentTree } from '../district/alignment-tree.ts'
import { type NotificationDraft, notify, type OnNotified } from './notify.ts'
import { schoolWatcherIds } from './recipients.ts'

/** Reads the district as its leaders do (the rules of what a leader may see apply). */
const districtReader = (districtId: string): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  districtId,
  name: 'Notification scan',
  email: '',
  grants: [{ role: 'district_leader', schoolId: null, teamId: null }],
})

/** Marks a district whose standing signals were recorded (its first scan). */
const BASELINE_KEY = 'baseline'

/**
 * Starts watching a district without a baseline scan: every signal the next scan finds counts as new.
 * For a district whose history is known to be new (the demo district is seeded from its first day).
 */
export async function watchSchoolSignalsFromScratch(db: Db, districtId: string, now: Date): Promise<void> {
  await db.schoolSignalSeen.createMany({
    data: [{ districtId, key: BASELINE_KEY, seenAt: now }],
    skipDuplicates: true,
  })
}

/** One signal the scan found: its key, and the notification it makes when it is new. */
interface Signal {
  kind: 'finding' | 'verdict'
  key: string
  draft: (tx: DbTx) => Promise<Omit<NotificationDraft, 'dedupeKey'>>
}

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
    const signals = await districtSignals(db, districtId, now)
    const seen = new Set(
      (await db.schoolSignalSeen.findMany({ where: { districtId }, select: { key: true } })).map(
        (r) => r.key,
      ),
    )
    if (!seen.has(BASELINE_KEY)) {
      // First scan: what stands now is the baseline; only what appears after it notifies.
      await db.schoolSignalSeen.createMany({
        data: [BASELINE_KEY, ...signals.map((s) => s.key)].map((key) => ({ districtId, key, seenAt: now })),
        skipDuplicates: true,
      })
      continue
    }
    for (const signal of signals) {
      if (seen.has(signal.key)) continue
      const ids = await db.$transaction(async (tx) => {
        // Another instance's scan may have claimed it since: the insert decides who notifies.
        const claimed = await tx.schoolSignalSeen.createMany({
          data: [{ districtId, key: signal.key, seenAt: now }],
          skipDuplicates: true,
        })
        if (claimed.count === 0) return []
        return notify(tx, { ...(await signal.draft(tx)), dedupeKey: signal.key })
      })
      if (signal.kind === 'finding') findings += ids.length
      else verdicts += ids.length
      for (const id of ids) notified.add(id)
    }
  }
  if (notified.size) onNotified?.([...notified])
  return { findings, verdicts }
}

/** Every signal a district shows now: its alignment findings about a school, its improved or worsened verdicts. */
async function districtSignals(db: Db, districtId: string, now: Date): Promise<Signal[]> {
  const signals: Signal[] = []
  const reader = districtReader(districtId)
  const data = await loadAlignmentData(db, reader, { cycleVerdicts: false })
  for (const flag of alignmentFlags(data, buildAlignmentTree(data))) {
    if (!flag.schoolId) continue
    const schoolId = flag.schoolId
    const subject = flag.cycleId ?? flag.goalId ?? flag.districtGoalId ?? schoolId
    signals.push({
      kind: 'finding',
      key: `finding:${flag.kind}:${schoolId}:${subject}:${flag.studentGroupId ?? 'all'}`,
      draft: async (tx) => {
        const place = await findingPlace(tx, flag)
        return {
          districtId,
          actorId: null,
          category: 'school_signal',
          title: `New alignment finding (${flag.severity})`,
          body: flag.message,
          link: place.link,
          recipientIds: await schoolWatcherIds(tx, districtId, schoolId),
          canOpen: place.canOpen,
          createdAt: now,
        }
      },
    })
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
      signals.push({
        kind: 'verdict',
        key: `cycle:${cycleId}:measure:${v.measureId}:group:${v.studentGroupId ?? 'all'}:verdict:${v.verdict}`,
        draft: async (tx) => ({
          districtId,
          actorId: null,
          category: 'school_signal',
          title: `“${cycle.title}”: ${v.measureName} ${CYCLE_VERDICT_LABELS[v.verdict].toLowerCase()}`,
          body: v.message,
          link: `/cycles/${cycleId}#linked-measures`,
          recipientIds: await schoolWatcherIds(tx, districtId, cycle.schoolId, cycle.teamId),
          canOpen: (r) => canReadTeam(r, cycle),
          createdAt: now,
        }),
      })
    }
  }
  return signals
}

/**
 * Where a finding points: the cycle or goal it is about (so a team's coach can open it), else the
 * district's alignment audit (district readers only).
 */
async function findingPlace(
  db: DbTx,
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
