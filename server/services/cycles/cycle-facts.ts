// What the transition checks and method checks read from a cycle row (see packages/domain/src/cycle.ts).
import {
  type ActDecision,
  type Confirmation,
  type CycleFacts,
  type CycleStage,
  type LinkedMeasureCadence,
  NARRATIVE_SECTION_KEYS,
  type NarrativeTexts,
  narrativeColumn,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import type { PdsaCycle, Prisma } from '../../db/generated/client.ts'
import { toIsoDate } from '../shared.ts'
import { observationsInWindow } from './observations-in-window.ts'

/** The related rows the checks need, to `include` when loading cycles. */
export const factsInclude = {
  questions: { select: { question: true, prediction: true, result: true }, orderBy: { position: 'asc' } },
  measures: { select: { measureId: true, measure: { select: { name: true, cadence: true } } } },
  _count: { select: { nextCycles: true } },
} satisfies Prisma.PdsaCycleInclude

/**
 * A cycle row with what `factsInclude` loads, spelled out: rows loaded with a wider include (the cycle
 * page's) are then checked field by field. As `Prisma.PdsaCycleGetPayload<{ include: … }>` the compiler
 * compares two includes by their type argument only and let a row without the linked measures' cadence
 * through.
 */
export type CycleWithFacts = PdsaCycle & {
  questions: readonly { question: string; prediction: string; result: string }[]
  measures: readonly { measureId: string; measure: LinkedMeasureCadence }[]
  _count: { nextCycles: number }
}

/** The plain text of every narrative section of a cycle row. */
export function narrativeTexts(row: PdsaCycle): NarrativeTexts {
  return Object.fromEntries(NARRATIVE_SECTION_KEYS.map((k) => [k, row[narrativeColumn(k)]])) as NarrativeTexts
}

export function toCycleFacts(row: CycleWithFacts, observationsInWindow: number | null): CycleFacts {
  return {
    stage: row.stage as CycleStage,
    cycleNumber: row.cycleNumber,
    scale: row.scale,
    plannedStart: toIsoDate(row.plannedStart),
    plannedEnd: toIsoDate(row.plannedEnd),
    lastEditedAt: row.lastEditedAt,
    texts: narrativeTexts(row),
    questions: row.questions,
    linkedMeasures: row.measures.map((m) => m.measure),
    lagDays: row.lagDays,
    carriedOutAsPlanned: row.carriedOutAsPlanned,
    predictionsConfirmed: row.predictionsConfirmed as Confirmation | null,
    decision: row.decision as ActDecision | null,
    spreadPlan: row.spreadPlan,
    observationsInWindow,
    hasNextCycle: row._count.nextCycles > 0,
  }
}

/** Facts with the observation count, for one cycle. */
export async function loadCycleFacts(db: DbTx, id: string) {
  const row = await db.pdsaCycle.findUniqueOrThrow({ where: { id }, include: factsInclude })
  const observed = await observationsInWindow(db, row.districtId, [row.id])
  return { row, facts: toCycleFacts(row, observed.get(row.id) ?? 0) }
}
