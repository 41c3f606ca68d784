import {
  type Actor,
  type CreateMeasureInput,
  canManageMeasures,
  chartTypeProblem,
  defaultChartType,
  defaultMultiplier,
} from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { conflict } from '../org/admin.ts'
import { requireSchool } from '../references.ts'
import { assertAllowed, validation } from '../shared.ts'
import { getMeasure } from './get-measure.ts'

/** A measure of the district library (schoolId null) or of one school. */
export async function createMeasure({ db, actor, ...input }: { db: Db; actor: Actor } & CreateMeasureInput) {
  if (input.schoolId) await requireSchool(db, actor, input.schoolId)
  assertAllowed(
    canManageMeasures(actor, input.schoolId),
    input.schoolId
      ? 'Only team members at this school and district leaders can add its measures.'
      : 'Only district leaders and admins can add measures to the district library.',
  )
  const chartType = input.chartType ?? defaultChartType(input.unit)
  const problem = chartTypeProblem(chartType, input.unit)
  if (problem) throw validation('chartType', problem)
  const data = { ...input, chartType, multiplier: input.multiplier ?? defaultMultiplier(input.unit) }
  const id = await db.$transaction(async (tx) => {
    const taken = await tx.measure.findFirst({ where: { districtId: actor.districtId, code: input.code } })
    if (taken) throw conflict('code', `The code ${input.code} is already used by “${taken.name}”.`)
    const measure = await tx.measure.create({ data: { districtId: actor.districtId, ...data } })
    await recordAudit(tx, actor, {
      action: 'measure.create',
      entityType: 'measure',
      entityId: measure.id,
      after: data,
    })
    return measure.id
  })
  return getMeasure({ db, actor, id })
}
