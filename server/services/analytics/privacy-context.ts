// What every analytics service needs to know about the district before it shows a number: the
// suppression threshold, the school-year start and the student groups (their categories decide the
// additive relations of the release, docs/decisions/017).
import type { Actor, StudentGroupCategory } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

export interface AnalyticsGroup {
  id: string
  code: string
  name: string
  category: StudentGroupCategory
  sortOrder: number
}

export interface PrivacyContext {
  threshold: number
  /** First day of the school year, 'MM-DD': year-to-date measures restart on it. */
  schoolYearStart: string
  /** Every student group of the district (inactive ones too: old observations may use them). */
  groups: AnalyticsGroup[]
  groupById: Map<string, AnalyticsGroup>
  /** The all-students group: what a cycle's link without a group, and a goal's "all students", read. */
  allGroup: AnalyticsGroup | null
}

/** Two queries, whatever the number of series that follow. */
export async function loadPrivacyContext(db: DbTx, actor: Actor): Promise<PrivacyContext> {
  const [district, rows] = await Promise.all([
    db.district.findUniqueOrThrow({
      where: { id: actor.districtId },
      select: { suppressionThreshold: true, schoolYearStart: true },
    }),
    db.studentGroup.findMany({
      where: { districtId: actor.districtId },
      select: { id: true, code: true, name: true, category: true, sortOrder: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    }),
  ])
  const groups = rows.map((g) => ({ ...g, category: g.category as StudentGroupCategory }))
  return {
    threshold: district.suppressionThreshold,
    schoolYearStart: district.schoolYearStart,
    groups,
    groupById: new Map(groups.map((g) => [g.id, g])),
    allGroup: groups.find((g) => g.category === 'all') ?? null,
  }
}

/** "English learners", "all students" (the all-students group reads as a phrase, not a title). */
export function groupLabel(group: AnalyticsGroup | null | undefined): string {
  if (!group) return 'all students'
  return group.category === 'all' ? 'all students' : group.name
}
