import { type CycleFacts, type LinkedMeasureCadence, type MethodCheck, methodChecks } from '@pdsa/domain'
import type { Prisma } from '../../db/generated/client.ts'
import { toIsoDate } from '../shared.ts'

/**
 * What the method checks read of a cycle (observation counts and linked measures' cadences come apart:
 * see observations-in-window.ts and linked-measure-cadences.ts).
 */
export const cycleFactsSelect = {
  id: true,
  title: true,
  teamId: true,
  stage: true,
  cycleNumber: true,
  scale: true,
  plannedStart: true,
  plannedEnd: true,
  lastEditedAt: true,
  carriedOutAsPlanned: true,
  predictionsConfirmed: true,
  decision: true,
  spreadPlan: true,
  lagDays: true,
  questions: { select: { question: true, prediction: true, result: true } },
  _count: { select: { nextCycles: true } },
} satisfies Prisma.PdsaCycleSelect

type CycleFactsRow = Prisma.PdsaCycleGetPayload<{ select: typeof cycleFactsSelect }>

/** The cycles the checks can still flag: open ones, and completed "adapt" cycles (which need a next cycle). */
export const attentionCandidatesWhere = {
  OR: [{ stage: { not: 'complete' } }, { stage: 'complete', decision: 'adapt' }],
} satisfies Prisma.PdsaCycleWhereInput

function toFacts(
  row: CycleFactsRow,
  linkedMeasures: readonly LinkedMeasureCadence[],
  observationsInWindow: number | null,
): CycleFacts {
  return {
    stage: row.stage,
    cycleNumber: row.cycleNumber,
    scale: row.scale,
    plannedStart: toIsoDate(row.plannedStart),
    plannedEnd: toIsoDate(row.plannedEnd),
    lastEditedAt: row.lastEditedAt,
    texts: {},
    questions: row.questions,
    linkedMeasures,
    lagDays: row.lagDays,
    carriedOutAsPlanned: row.carriedOutAsPlanned,
    predictionsConfirmed: row.predictionsConfirmed,
    decision: row.decision,
    spreadPlan: row.spreadPlan,
    observationsInWindow,
    hasNextCycle: row._count.nextCycles > 0,
  }
}

/**
 * The method checks that still ask something of the team: every check of an open cycle; of a completed
 * cycle only the missing next cycle after "adapt" (its write-up is history).
 */
export function actionableChecks(
  row: CycleFactsRow,
  today: string,
  linkedMeasures: readonly LinkedMeasureCadence[],
  observationsInWindow: number | null = null,
): MethodCheck[] {
  const checks = methodChecks(toFacts(row, linkedMeasures, observationsInWindow), today)
  return row.stage === 'complete' ? checks.filter((c) => c.kind === 'no_next_cycle_after_adapt') : checks
}
