import type { Actor, SaveLinkedMeasuresInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { requireMeasure, requireStudentGroup } from '../references.ts'
import { validation } from '../shared.ts'
import { lockListVersion, nextListVersion } from './list-version.ts'
import { sameFields } from './replace-list.ts'
import { requireEditableCycle } from './require-cycle.ts'

const comparable = ({ cycleId: _c, ...rest }: Record<string, unknown>) => rest

/**
 * The measures the cycle expects to move, with the expected direction and the data collection plan.
 * Replace-list keyed by measure; a measure a question predicts in cannot be unlinked.
 */
export async function saveMeasures({
  db,
  actor,
  now,
  id,
  expectedVersion,
  measures,
}: { db: Db; actor: Actor; now: Date } & SaveLinkedMeasuresInput) {
  const cycle = await requireEditableCycle(db, actor, id)
  for (const [i, m] of measures.entries()) {
    await requireMeasure(db, actor, m.measureId, `measures.${i}.measureId`, cycle.schoolId)
    if (m.studentGroupId)
      await requireStudentGroup(db, actor, m.studentGroupId, `measures.${i}.studentGroupId`)
  }
  return db.$transaction(async (tx) => {
    // Lock first: the links read below are the ones this save replaces.
    const version = await lockListVersion(tx, id, 'measures', expectedVersion)
    const [existing, questions] = await Promise.all([
      tx.cycleMeasure.findMany({ where: { cycleId: id } }),
      tx.cycleQuestion.findMany({
        where: { cycleId: id, measureId: { not: null } },
        orderBy: { position: 'asc' },
      }),
    ])
    const kept = new Set(measures.map((m) => m.measureId))
    const orphaned = questions.find((q) => q.measureId && !kept.has(q.measureId))
    if (orphaned) {
      throw validation(
        'measures',
        `Question ${orphaned.position + 1} predicts a value in a measure you are removing: change that question first.`,
      )
    }
    const byMeasure = new Map(existing.map((m) => [m.measureId, m]))
    const removed = existing.filter((m) => !kept.has(m.measureId)).map((m) => m.measureId)
    const added = measures.filter((m) => !byMeasure.has(m.measureId))
    const updated = measures.filter((m) => {
      const current = byMeasure.get(m.measureId)
      return current && !sameFields(current, m)
    })
    if (removed.length + added.length + updated.length === 0) return { id, version }
    if (removed.length > 0)
      await tx.cycleMeasure.deleteMany({ where: { cycleId: id, measureId: { in: removed } } })
    if (added.length > 0)
      await tx.cycleMeasure.createMany({ data: added.map((m) => ({ ...m, cycleId: id })) })
    for (const { measureId, ...data } of updated) {
      await tx.cycleMeasure.update({ where: { cycleId_measureId: { cycleId: id, measureId } }, data })
    }
    await tx.pdsaCycle.update({ where: { id }, data: nextListVersion('measures', now) })
    await recordAudit(tx, actor, {
      action: 'cycle.save_measures',
      entityType: 'pdsa_cycle',
      entityId: id,
      before: { measures: existing.map(comparable) },
      after: { measures },
    })
    return { id, version: version + 1 }
  })
}
