import { type Actor, canEnterSchoolData, type DeleteObservationsInput, notFound } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { assertAllowed, toIsoDate } from '../shared.ts'

/** Deletes observations (e.g. cells cleared in the entry grid) of schools whose data the actor may enter. */
export async function deleteObservations({
  db,
  actor,
  ids,
}: { db: Db; actor: Actor } & DeleteObservationsInput) {
  const unique = [...new Set(ids)]
  const rows = await db.observation.findMany({ where: { id: { in: unique }, districtId: actor.districtId } })
  if (rows.length !== unique.length) throw notFound('Observation')
  for (const schoolId of new Set(rows.map((r) => r.schoolId))) {
    assertAllowed(
      canEnterSchoolData(actor, schoolId),
      'Only team members at this school and district leaders can delete its data.',
    )
  }
  await db.$transaction(async (tx) => {
    await tx.observation.deleteMany({ where: { id: { in: unique } } })
    for (const r of rows) {
      await recordAudit(tx, actor, {
        action: 'observation.delete',
        entityType: 'observation',
        entityId: r.id,
        before: {
          measureId: r.measureId,
          schoolId: r.schoolId,
          studentGroupId: r.studentGroupId,
          period: toIsoDate(r.period),
          value: r.value,
          numerator: r.numerator,
          denominator: r.denominator,
          source: r.source,
        },
      })
    }
  })
  return { deleted: rows.length }
}
