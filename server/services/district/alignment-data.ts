// What the alignment audit, the equity matrix and the alignment export read: the whole plan cascade of the
// district (district goals, school and team goals, change ideas, cycles, measures), in a fixed number of
// queries, with the computed verdicts and gap verdicts.
import type { Actor } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import type { VerdictBadge } from '../coach/cycle-verdict-badges.ts'
import { districtDerived } from './derived-cache.ts'

/** For district-wide readers only (callers check): the derived figures are a district reader's. */
export async function loadAlignmentData(db: DbTx, actor: Actor, opts: { cycleVerdicts: boolean }) {
  const districtId = actor.districtId
  const district = await db.district.findUniqueOrThrow({
    where: { id: districtId },
    select: { id: true, name: true, suppressionThreshold: true },
  })
  const [schools, groups, districtGoals, goals, changeIdeas, cycles, derived] = await Promise.all([
    db.school.findMany({
      where: { districtId },
      select: { id: true, name: true, level: true },
      orderBy: { name: 'asc' },
    }),
    db.studentGroup.findMany({
      where: { districtId, isActive: true },
      select: { id: true, code: true, name: true, category: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    }),
    db.districtGoal.findMany({
      where: { districtId, archivedAt: null },
      select: { id: true, code: true, title: true },
      orderBy: { code: 'asc' },
    }),
    db.equityGoal.findMany({
      where: { districtId, status: { not: 'archived' } },
      select: {
        id: true,
        title: true,
        status: true,
        schoolId: true,
        team: { select: { id: true, name: true } },
        focalGroupId: true,
        referenceKind: true,
        baselineValue: true,
        targetValue: true,
        measure: { select: { id: true, name: true, unit: true, higherIsBetter: true } },
        alignments: { select: { districtGoalId: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.changeIdea.findMany({
      where: { districtId, goal: { status: { not: 'archived' } } },
      select: { id: true, title: true, status: true, goalId: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.pdsaCycle.findMany({
      where: { districtId, goal: { status: { not: 'archived' } } },
      select: {
        id: true,
        title: true,
        stage: true,
        cycleNumber: true,
        decision: true,
        goalId: true,
        changeIdeaId: true,
        team: { select: { id: true, name: true } },
        measures: {
          select: {
            measure: { select: { id: true, name: true } },
            studentGroup: { select: { name: true } },
          },
        },
      },
      orderBy: [{ plannedStart: 'asc' }, { id: 'asc' }],
    }),
    // Gap verdicts, the large-gap scan and (when asked) cycle verdicts: cached per district while its
    // data is unchanged.
    districtDerived(
      db,
      actor,
      opts.cycleVerdicts ? ['gaps', 'groupGaps', 'verdicts'] : ['gaps', 'groupGaps'],
    ),
  ])
  const verdicts = 'verdicts' in derived ? derived.verdicts : new Map<string, VerdictBadge[]>()
  const { gaps, groupGaps } = derived
  return { district, schools, groups, districtGoals, goals, changeIdeas, cycles, groupGaps, verdicts, gaps }
}
export type AlignmentData = Awaited<ReturnType<typeof loadAlignmentData>>
