// The whole worksheet of a cycle as the cycle page reads it.
import type { ActDecision, Confirmation, CyclePurpose, Direction, MeasureUnit } from '@pdsa/domain'
import type { Prisma } from '../../db/generated/client.ts'
import { toIsoDateOrNull } from '../shared.ts'
import { factsInclude, narrativeTexts } from './cycle-facts.ts'
import { cycleSummaryInclude, toCycleSummary } from './cycle-summary.ts'

const measureSelect = {
  id: true,
  code: true,
  name: true,
  unit: true,
  higherIsBetter: true,
  cadence: true,
  accumulation: true,
} as const

export const cycleDetailInclude = {
  ...cycleSummaryInclude,
  ...factsInclude,
  createdBy: { select: { id: true, name: true } },
  questions: { orderBy: { position: 'asc' }, include: { measure: { select: measureSelect } } },
  tasks: { orderBy: { position: 'asc' } },
  measures: {
    orderBy: { measure: { name: 'asc' } },
    include: {
      measure: { select: measureSelect },
      studentGroup: { select: { id: true, code: true, name: true } },
    },
  },
  drivers: { include: { driver: { select: { id: true, title: true, kind: true, parentId: true } } } },
  previousCycle: { select: { id: true, title: true, cycleNumber: true, stage: true } },
  nextCycles: {
    select: { id: true, title: true, cycleNumber: true, stage: true },
    orderBy: { createdAt: 'asc' },
  },
} satisfies Prisma.PdsaCycleInclude

export type CycleDetailRow = Prisma.PdsaCycleGetPayload<{ include: typeof cycleDetailInclude }>

const unitOf = <T extends { unit: string }>(m: T) => ({ ...m, unit: m.unit as MeasureUnit })

export function toCycleDetail(row: CycleDetailRow) {
  return {
    ...toCycleSummary(row),
    purpose: row.purpose as CyclePurpose,
    testers: row.testers,
    lagDays: row.lagDays,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    texts: narrativeTexts(row),
    carriedOutAsPlanned: row.carriedOutAsPlanned,
    predictionsConfirmed: row.predictionsConfirmed as Confirmation | null,
    decision: row.decision as ActDecision | null,
    spreadPlan: row.spreadPlan,
    /** The versions of the list parts the page read: each autosave names the one it was based on (ADR 032). */
    listVersions: {
      questions: row.questionsVersion,
      tasks: row.tasksVersion,
      measures: row.measuresVersion,
    },
    questions: row.questions.map((q) => ({
      id: q.id,
      position: q.position,
      question: q.question,
      prediction: q.prediction,
      measureId: q.measureId,
      measure: q.measure ? unitOf(q.measure) : null,
      predictedValue: q.predictedValue,
      predictedMin: q.predictedMin,
      predictedMax: q.predictedMax,
      result: q.result,
      resultValue: q.resultValue,
      learning: q.learning,
      confirmed: q.confirmed as Confirmation | null,
    })),
    tasks: row.tasks.map((t) => ({
      id: t.id,
      position: t.position,
      what: t.what,
      who: t.who,
      dueDate: toIsoDateOrNull(t.dueDate),
      location: t.location,
      done: t.done,
    })),
    measures: row.measures.map((m) => ({
      measureId: m.measureId,
      measure: unitOf(m.measure),
      studentGroupId: m.studentGroupId,
      studentGroup: m.studentGroup,
      expectedDirection: m.expectedDirection as Direction,
      operationalDefinition: m.operationalDefinition,
      collectedBy: m.collectedBy,
      collectionSchedule: m.collectionSchedule,
      analysedBy: m.analysedBy,
      qualitativeData: m.qualitativeData,
    })),
    drivers: row.drivers.map((d) => d.driver).sort((a, b) => a.title.localeCompare(b.title)),
  }
}
