import { type Actor, canLeadDistrict, forbidden, readableScope } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { districtGoalSelect, toDistrictGoalDto } from '../district-goals/district-goal-dto.ts'
import { countCyclesByTeamAndStage, emptyStageCounts } from './cycles-by-stage.ts'

type GoalRow = {
  id: string
  title: string
  status: string
  schoolId: string
  teamId: string | null
  districtGoalIds: string[]
}

/**
 * Schools with their teams, goals (with the district goals they align to) and cycles by stage, plus the
 * district goals with how many goals align to each. District readers see every school; school-level
 * viewers (principals) see their schools. Five queries, assembled in memory.
 */
export async function getDistrictOverview({ db, actor }: { db: DbTx; actor: Actor }) {
  const scope = readableScope(actor)
  if (!scope.all && scope.schoolIds.length === 0) {
    throw forbidden('The district overview is for district staff and school leaders.')
  }
  const districtId = actor.districtId
  const inSchools = scope.all ? {} : { schoolId: { in: scope.schoolIds } }
  const canManage = canLeadDistrict(actor)
  const [schools, goalRows, districtGoalRows, stageCounts, owners] = await Promise.all([
    db.school.findMany({
      where: { districtId, ...(scope.all ? {} : { id: { in: scope.schoolIds } }) },
      select: {
        id: true,
        name: true,
        level: true,
        teams: { where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: 'asc' } },
      },
      orderBy: { name: 'asc' },
    }),
    db.equityGoal.findMany({
      where: { districtId, status: { not: 'archived' }, ...inSchools },
      select: {
        id: true,
        title: true,
        status: true,
        schoolId: true,
        teamId: true,
        alignments: { select: { districtGoalId: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.districtGoal.findMany({
      where: { districtId },
      select: districtGoalSelect,
      // Active goals first (archivedAt null sorts first ascending), then by code.
      orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { code: 'asc' }],
    }),
    countCyclesByTeamAndStage(db, { districtId, ...inSchools }),
    canManage
      ? db.user.findMany({
          where: {
            districtId,
            deactivatedAt: null,
            memberships: {
              some: { role: { in: ['admin', 'district_leader'] }, schoolId: null, teamId: null },
            },
          },
          select: { id: true, name: true },
          orderBy: { name: 'asc' },
        })
      : Promise.resolve([]),
  ])
  const districtGoals = districtGoalRows.map(toDistrictGoalDto)
  const byCode = new Map(districtGoals.map((d) => [d.id, { id: d.id, code: d.code, title: d.title }]))
  const goals: GoalRow[] = goalRows.map(({ alignments, ...g }) => ({
    ...g,
    districtGoalIds: alignments.map((a) => a.districtGoalId),
  }))
  const summary = (g: GoalRow) => ({
    id: g.id,
    title: g.title,
    status: g.status,
    districtGoals: g.districtGoalIds.flatMap((id) => byCode.get(id) ?? []),
  })
  // Goals keyed by their team, or by their school for school-level goals; alignment counts per district goal.
  const goalsOf = new Map<string, ReturnType<typeof summary>[]>()
  const aligned = new Map<string, { goals: number; schools: Set<string> }>()
  for (const g of goals) {
    const key = g.teamId ?? `school:${g.schoolId}`
    goalsOf.set(key, [...(goalsOf.get(key) ?? []), summary(g)])
    for (const id of g.districtGoalIds) {
      const entry = aligned.get(id) ?? { goals: 0, schools: new Set<string>() }
      entry.goals += 1
      entry.schools.add(g.schoolId)
      aligned.set(id, entry)
    }
  }
  return {
    scope: scope.all ? ('district' as const) : ('schools' as const),
    canManageDistrictGoals: canManage,
    ownerOptions: owners,
    districtGoals: districtGoals.map((d) => ({
      ...d,
      alignedGoalCount: aligned.get(d.id)?.goals ?? 0,
      alignedSchoolCount: aligned.get(d.id)?.schools.size ?? 0,
    })),
    schools: schools.map((s) => ({
      id: s.id,
      name: s.name,
      level: s.level,
      schoolGoals: goalsOf.get(`school:${s.id}`) ?? [],
      teams: s.teams.map((t) => ({
        id: t.id,
        name: t.name,
        goals: goalsOf.get(t.id) ?? [],
        cyclesByStage: stageCounts.get(t.id) ?? emptyStageCounts(),
      })),
    })),
    totals: {
      schools: schools.length,
      teams: schools.reduce((n, s) => n + s.teams.length, 0),
      goals: goals.length,
      unalignedGoals: goals.filter((g) => g.districtGoalIds.length === 0).length,
    },
  }
}
