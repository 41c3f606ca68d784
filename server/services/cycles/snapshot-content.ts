import { buildSnapshotContent, type CycleSnapshotContent } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { cycleDetailInclude, toCycleDetail } from './cycle-detail.ts'

/** The worksheet as it is now, in the shape a CycleSnapshot keeps (read inside the transition's transaction). */
export async function currentSnapshotContent(db: DbTx, cycleId: string): Promise<CycleSnapshotContent> {
  const row = await db.pdsaCycle.findUniqueOrThrow({ where: { id: cycleId }, include: cycleDetailInclude })
  const c = toCycleDetail(row)
  return buildSnapshotContent({
    header: {
      title: c.title,
      cycleNumber: c.cycleNumber,
      purpose: c.purpose,
      scale: c.scale,
      owner: c.owner?.name ?? null,
      testers: c.testers,
      goal: c.goal?.title ?? null,
      changeIdea: c.changeIdea?.title ?? null,
      plannedStart: c.plannedStart,
      plannedEnd: c.plannedEnd,
      actualStart: c.actualStart,
      actualEnd: c.actualEnd,
      lagDays: c.lagDays,
      carriedOutAsPlanned: c.carriedOutAsPlanned,
      predictionsConfirmed: c.predictionsConfirmed,
      decision: c.decision,
      spreadPlan: c.spreadPlan,
      drivers: c.drivers.map((d) => d.title),
    },
    texts: c.texts,
    questions: c.questions.map((q) => ({
      position: q.position,
      question: q.question,
      prediction: q.prediction,
      measure: q.measure?.name ?? null,
      unit: q.measure?.unit ?? null,
      predictedValue: q.predictedValue,
      predictedMin: q.predictedMin,
      predictedMax: q.predictedMax,
      result: q.result,
      resultValue: q.resultValue,
      learning: q.learning,
      confirmed: q.confirmed,
    })),
    tasks: c.tasks.map(({ id: _id, ...t }) => t),
    measures: c.measures.map((m) => ({
      measure: m.measure.name,
      unit: m.measure.unit,
      studentGroup: m.studentGroup?.name ?? null,
      expectedDirection: m.expectedDirection,
      operationalDefinition: m.operationalDefinition,
      collectedBy: m.collectedBy,
      collectionSchedule: m.collectionSchedule,
      analysedBy: m.analysedBy,
      qualitativeData: m.qualitativeData,
    })),
  })
}
