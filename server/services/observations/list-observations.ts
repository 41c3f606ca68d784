// A measure's observations at one school as released (docs/decisions/017): the data table shows, for
// every role, exactly the cells the series' one release decision shows — the chart, the export and the
// gap view read the same decision. Raw values are only in the data-entry grid (entry-grid.ts).
import type { Actor, ListObservationsInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { loadRowsWithRelease, requireMeasureAtSchool } from './observation-rows.ts'
import { releasedObservation } from './released-observation.ts'

export async function listObservations({
  db,
  actor,
  ...input
}: { db: DbTx; actor: Actor } & ListObservationsInput) {
  const { school, measure } = await requireMeasureAtSchool(db, actor, input.measureId, input.schoolId)
  const key = { measureId: measure.id, schoolId: school.id }
  const { privacy, release, rows } = await loadRowsWithRelease(db, actor, input, key)
  const observations = rows.map((r) =>
    releasedObservation(r, release?.cells.get(r.period)?.get(r.studentGroup.id)),
  )
  return { observations, suppressionThreshold: privacy.threshold }
}
