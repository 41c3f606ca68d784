// Naming the cells that block an undo, the way a person finds them in the entry grid:
// "Chronic absence · Lincoln Elementary · Black or African American · Oct 5, 2026: imported again from oct.csv".
import { type ChangedCell, formatIsoDate } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { toIsoDate } from '../shared.ts'

export async function describeChangedCells(
  tx: DbTx,
  batchId: string,
  changed: readonly ChangedCell[],
): Promise<string[]> {
  const ids = changed.map((c) => c.observationId)
  const [cells, observations, batches] = await Promise.all([
    tx.importChange.findMany({
      where: { importBatchId: batchId, observationId: { in: ids } },
      select: { observationId: true, measureId: true, schoolId: true, studentGroupId: true, period: true },
    }),
    tx.observation.findMany({
      where: { id: { in: ids } },
      select: { id: true, enteredBy: { select: { name: true } } },
    }),
    tx.importBatch.findMany({
      where: { id: { in: changed.flatMap((c) => (c.importBatchId ? [c.importBatchId] : [])) } },
      select: { id: true, fileName: true, createdBy: { select: { name: true } } },
    }),
  ])
  const [measures, schools, groups] = await Promise.all([
    tx.measure.findMany({
      where: { id: { in: cells.map((c) => c.measureId) } },
      select: { id: true, name: true },
    }),
    tx.school.findMany({
      where: { id: { in: cells.map((c) => c.schoolId) } },
      select: { id: true, name: true },
    }),
    tx.studentGroup.findMany({
      where: { id: { in: cells.map((c) => c.studentGroupId) } },
      select: { id: true, name: true },
    }),
  ])
  const name = (list: { id: string; name: string }[], id: string) =>
    list.find((x) => x.id === id)?.name ?? '—'
  return changed.map((c) => {
    const cell = cells.find((x) => x.observationId === c.observationId)
    const where = cell
      ? [
          name(measures, cell.measureId),
          name(schools, cell.schoolId),
          name(groups, cell.studentGroupId),
          formatIsoDate(toIsoDate(cell.period), 'short'),
        ].join(' · ')
      : 'a cell'
    const by = observations.find((o) => o.id === c.observationId)?.enteredBy?.name
    const later = batches.find((b) => b.id === c.importBatchId)
    const what =
      c.reason === 'deleted'
        ? 'deleted'
        : c.reason === 'reimported' && later
          ? `imported again from ${later.fileName} by ${later.createdBy.name}`
          : `edited${by ? ` by ${by}` : ''}`
    return `${where}: ${what}`
  })
}
