import {
  type Actor,
  arePredictionsLockedFor,
  type CycleStage,
  lockedQuestionProblems,
  type MeasureUnit,
  measureValueProblem,
  problemsToFieldErrors,
  type SaveQuestionsInput,
} from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { invalidState, validation } from '../shared.ts'
import { lockListVersion, nextListVersion } from './list-version.ts'
import { replaceList } from './replace-list.ts'
import { requireEditableCycle } from './require-cycle.ts'

const comparable = ({ id: _id, cycleId: _c, ...rest }: Record<string, unknown>) => rest

/**
 * The cycle's questions (replace-list: rows keep their ids). In Plan everything may change; from Do
 * on the predictions are locked (the Plan → Do snapshot keeps them) and only results may change.
 */
export async function saveQuestions({
  db,
  actor,
  now,
  id,
  expectedVersion,
  questions,
}: { db: Db; actor: Actor; now: Date } & SaveQuestionsInput) {
  const cycle = await requireEditableCycle(db, actor, id)
  return db.$transaction(async (tx) => {
    // Lock first: the rows read below are the ones this save replaces.
    const version = await lockListVersion(tx, id, 'questions', expectedVersion)
    const [existing, linked] = await Promise.all([
      tx.cycleQuestion.findMany({ where: { cycleId: id }, orderBy: { position: 'asc' } }),
      tx.cycleMeasure.findMany({
        where: { cycleId: id },
        select: { measureId: true, measure: { select: { unit: true, multiplier: true } } },
      }),
    ])
    checkQuestions(questions, existing, linked)
    if (
      arePredictionsLockedFor({
        stage: cycle.stage as CycleStage,
        predictionsLockedAt: cycle.predictionsLockedAt,
      })
    ) {
      const problems = lockedQuestionProblems(existing, questions)
      if (problems.length > 0) {
        throw invalidState(
          'The predictions were locked when the test started: only results, learning and whether each prediction was confirmed can change now.',
          problemsToFieldErrors(problems),
        )
      }
    }
    const rows = questions.map((q, position) => ({ ...q, position }))
    const { changed, after, ids } = await replaceList({
      existing,
      incoming: rows,
      remove: (ids) => tx.cycleQuestion.deleteMany({ where: { cycleId: id, id: { in: ids } } }),
      update: ({ id: qid, ...data }) => tx.cycleQuestion.update({ where: { id: qid }, data }),
      create: ({ id: _id, ...data }) => tx.cycleQuestion.create({ data: { ...data, cycleId: id } }),
      comparable,
    })
    if (!changed) return { id, version, ids }
    await tx.pdsaCycle.update({ where: { id }, data: nextListVersion('questions', now) })
    await recordAudit(tx, actor, {
      action: 'cycle.save_questions',
      entityType: 'pdsa_cycle',
      entityId: id,
      before: { questions: existing.map(comparable) },
      after: { questions: after },
    })
    return { id, version: version + 1, ids }
  })
}

/** Ids belong to this cycle; a predicted figure is in a linked measure and on its scale. */
function checkQuestions(
  questions: SaveQuestionsInput['questions'],
  existing: readonly { id: string }[],
  linked: readonly { measureId: string; measure: { unit: string; multiplier: number } }[],
) {
  const existingIds = new Set(existing.map((q) => q.id))
  const linkedMeasures = new Map(linked.map((m) => [m.measureId, m.measure]))
  questions.forEach((q, i) => {
    if (q.id && !existingIds.has(q.id))
      throw validation(`questions.${i}.id`, 'No such question in this cycle.')
    const measure = q.measureId ? linkedMeasures.get(q.measureId) : undefined
    if (q.measureId && !measure) {
      throw validation(`questions.${i}.measureId`, 'Link this measure to the cycle before predicting in it.')
    }
    // Predicted and observed figures are on the measure's scale (a percent of 250 is a slip).
    for (const field of ['predictedValue', 'predictedMin', 'predictedMax', 'resultValue'] as const) {
      const value = q[field]
      const problem =
        measure && value !== null
          ? measureValueProblem(value, { unit: measure.unit as MeasureUnit, multiplier: measure.multiplier })
          : null
      if (problem) throw validation(`questions.${i}.${field}`, problem)
    }
  })
}
