import { composeAimStatement, type MeasureUnit } from '@pdsa/domain'
import type { Prisma } from '../../db/generated/client.ts'
import { toIsoDate } from '../shared.ts'

export const goalSelect = {
  id: true,
  title: true,
  aimStatement: true,
  status: true,
  schoolId: true,
  teamId: true,
  referenceKind: true,
  baselineValue: true,
  baselineDate: true,
  targetValue: true,
  targetDate: true,
  baselineGap: true,
  targetGap: true,
  baselineSource: true,
  updatedAt: true,
  school: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
  measure: {
    select: {
      id: true,
      code: true,
      name: true,
      unit: true,
      higherIsBetter: true,
      accumulation: true,
      chartType: true,
      multiplier: true,
    },
  },
  focalGroup: { select: { id: true, code: true, name: true } },
  referenceGroup: { select: { id: true, code: true, name: true } },
  alignments: { select: { districtGoal: { select: { id: true, code: true, title: true } } } },
  _count: { select: { cycles: true, changeIdeas: true } },
} satisfies Prisma.EquityGoalSelect

export type BaselineSource =
  | { kind: 'data'; value: number; from: string; to: string; points: number; checkedAt: string }
  | { kind: 'manual'; dataValue: number | null; checkedAt: string }

function toBaselineSource(json: Prisma.JsonValue | null): BaselineSource | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null
  const kind = (json as { kind?: unknown }).kind
  return kind === 'data' || kind === 'manual' ? (json as unknown as BaselineSource) : null
}

export type GoalRow = Prisma.EquityGoalGetPayload<{ select: typeof goalSelect }>

export function toGoalDto(row: GoalRow) {
  const composed = composeAimStatement({
    measureName: row.measure.name,
    unit: row.measure.unit as MeasureUnit,
    higherIsBetter: row.measure.higherIsBetter,
    focalGroupName: row.focalGroup.name,
    scopeName: row.school.name,
    referenceKind: row.referenceKind,
    referenceGroupName: row.referenceGroup?.name ?? null,
    baselineValue: row.baselineValue,
    targetValue: row.targetValue,
    targetDate: toIsoDate(row.targetDate),
    baselineGap: row.baselineGap,
    targetGap: row.targetGap,
  })
  return {
    id: row.id,
    title: row.title,
    aimStatement: row.aimStatement.trim() || composed,
    composedAimStatement: composed,
    status: row.status,
    school: row.school,
    team: row.team,
    measure: row.measure,
    focalGroup: row.focalGroup,
    referenceKind: row.referenceKind,
    referenceGroup: row.referenceGroup,
    baselineValue: row.baselineValue,
    baselineDate: toIsoDate(row.baselineDate),
    targetValue: row.targetValue,
    targetDate: toIsoDate(row.targetDate),
    baselineGap: row.baselineGap,
    targetGap: row.targetGap,
    /** Where the baseline came from, as recorded when it was last set (null: not recorded). */
    baselineSource: toBaselineSource(row.baselineSource),
    districtGoals: row.alignments.map((a) => a.districtGoal),
    cycleCount: row._count.cycles,
    changeIdeaCount: row._count.changeIdeas,
    updatedAt: row.updatedAt,
  }
}
export type GoalDto = ReturnType<typeof toGoalDto>
