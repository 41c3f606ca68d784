import type { CycleStage } from '@pdsa/domain'
import type { Prisma } from '../../db/generated/client.ts'
import { toIsoDate, toIsoDateOrNull } from '../shared.ts'

/** The cycle at a glance, as lists and the board show it. */
export const cycleSummaryInclude = {
  team: { select: { id: true, name: true } },
  school: { select: { id: true, name: true } },
  goal: { select: { id: true, title: true } },
  changeIdea: { select: { id: true, title: true, status: true } },
  owner: { select: { id: true, name: true } },
} satisfies Prisma.PdsaCycleInclude

type SummaryRow = Prisma.PdsaCycleGetPayload<{ include: typeof cycleSummaryInclude }>

export function toCycleSummary(row: SummaryRow) {
  return {
    id: row.id,
    title: row.title,
    stage: row.stage as CycleStage,
    cycleNumber: row.cycleNumber,
    previousCycleId: row.previousCycleId,
    team: row.team,
    school: row.school,
    goal: row.goal,
    changeIdea: row.changeIdea,
    owner: row.owner,
    scale: row.scale,
    plannedStart: toIsoDate(row.plannedStart),
    plannedEnd: toIsoDate(row.plannedEnd),
    actualStart: toIsoDateOrNull(row.actualStart),
    actualEnd: toIsoDateOrNull(row.actualEnd),
    decision: row.decision,
    lastEditedAt: row.lastEditedAt,
    stageChangedAt: row.stageChangedAt,
  }
}
export type CycleSummary = ReturnType<typeof toCycleSummary>
