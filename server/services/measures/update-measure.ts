import { type Actor, canManageMeasures, chartTypeProblem, type UpdateMeasureInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { assertAllowed, invalidState, validation } from '../shared.ts'
import { getMeasure, requireReadableMeasure } from './get-measure.ts'

/** Changes a measure's definition. Unit and code are fixed once created; cadence while it has no data. */
export async function updateMeasure({
  db,
  actor,
  id,
  archived,
  now = new Date(),
  ...patch
}: { db: Db; actor: Actor; now?: Date } & UpdateMeasureInput) {
  const measure = await requireReadableMeasure(db, actor, id)
  assertAllowed(
    canManageMeasures(actor, measure.schoolId),
    measure.schoolId
      ? 'Only team members at this school and district leaders can change its measures.'
      : 'Only district leaders and admins can change the district library.',
  )
  if (patch.chartType) {
    const problem = chartTypeProblem(patch.chartType, measure.unit)
    if (problem) throw validation('chartType', problem)
  }
  if (patch.cadence && patch.cadence !== measure.cadence) {
    const count = await db.observation.count({ where: { measureId: id } })
    if (count > 0) {
      throw invalidState(
        `cadence: This measure already has ${count} observations; their periods follow the cadence.`,
        {
          cadence: ['The cadence cannot change once there is data.'],
        },
      )
    }
  }
  const data = {
    ...patch,
    ...(archived === undefined || archived === (measure.archivedAt !== null)
      ? {}
      : { archivedAt: archived ? now : null }),
  }
  const { before, after, changed } = changedFields(measure as unknown as Record<string, unknown>, data)
  if (changed) {
    await db.$transaction(async (tx) => {
      await tx.measure.update({ where: { id }, data })
      await recordAudit(tx, actor, {
        action: 'measure.update',
        entityType: 'measure',
        entityId: id,
        before,
        after,
      })
    })
  }
  return getMeasure({ db, actor, id })
}
