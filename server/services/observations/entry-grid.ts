// The data-entry grid: the only place raw small cells leave the server (docs/decisions/017). Open to the
// people who may enter the school's data, with every value as typed, each cell marked when the release
// (what every other surface shows, for every role) hides it or shows it only as a range. Opening a grid
// that shows such cells is recorded (`observations.view_raw_small_cells`), at most once per person,
// series and range in a quarter of an hour so that refetches do not flood the log.
import { type Actor, canEnterSchoolData, forbidden, type ListObservationsInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { loadRowsWithRelease, requireMeasureAtSchool } from './observation-rows.ts'

export const VIEW_RAW_SMALL_CELLS = 'observations.view_raw_small_cells'
const REPEAT_WINDOW_MS = 15 * 60_000

export async function getEntryGrid({
  db,
  actor,
  now,
  ...input
}: { db: DbTx; actor: Actor; now: Date } & ListObservationsInput) {
  const { school, measure } = await requireMeasureAtSchool(db, actor, input.measureId, input.schoolId)
  if (!canEnterSchoolData(actor, school.id)) {
    throw forbidden('Only the people who may enter this school’s data see its data-entry grid.')
  }
  const key = { measureId: measure.id, schoolId: school.id }
  const { privacy, release, rows } = await loadRowsWithRelease(db, actor, input, key)
  const observations = rows.map((r) => {
    const decision = release?.cells.get(r.period)?.get(r.studentGroup.id)?.decision
    return {
      id: r.id,
      period: r.period,
      studentGroup: r.studentGroup,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      /** Below the threshold. */
      isSmallCell: r.denominator !== null && r.denominator < privacy.threshold,
      /** Everyone else (charts, tables, exports, every role) sees this cell hidden or as a range. */
      hiddenElsewhere: decision?.kind !== 'shown',
      source: r.source,
      enteredBy: r.enteredBy?.name ?? null,
      updatedAt: r.updatedAt,
    }
  })
  const hiddenCount = observations.filter((o) => o.hiddenElsewhere).length
  if (hiddenCount > 0) await recordRawView(db, actor, now, input, hiddenCount)
  return { observations, suppressionThreshold: privacy.threshold }
}

async function recordRawView(
  db: DbTx,
  actor: Actor,
  now: Date,
  input: ListObservationsInput,
  hiddenCount: number,
) {
  const entityId = `${input.measureId}:${input.schoolId}`
  const range = { from: input.from ?? null, to: input.to ?? null, latestPeriods: input.latestPeriods ?? null }
  const recent = await db.auditEvent.findMany({
    where: {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: VIEW_RAW_SMALL_CELLS,
      entityType: 'observation_series',
      entityId,
      createdAt: { gte: new Date(now.getTime() - REPEAT_WINDOW_MS) },
    },
    select: { after: true },
  })
  const same = recent.some(
    (e) => JSON.stringify((e.after as { range?: unknown })?.range) === JSON.stringify(range),
  )
  if (same) return
  await recordAudit(db, actor, {
    action: VIEW_RAW_SMALL_CELLS,
    entityType: 'observation_series',
    entityId,
    after: { measureId: input.measureId, schoolId: input.schoolId, range, hiddenCells: hiddenCount },
  })
}
