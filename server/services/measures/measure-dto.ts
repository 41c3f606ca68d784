import { type Actor, canManageMeasures, canReadDistrict } from '@pdsa/domain'
import type { Prisma } from '../../db/generated/client.ts'

export const measureSelect = {
  id: true,
  code: true,
  name: true,
  description: true,
  family: true,
  unit: true,
  numeratorDefinition: true,
  denominatorDefinition: true,
  higherIsBetter: true,
  cadence: true,
  accumulation: true,
  chartType: true,
  multiplier: true,
  isAdverseEvent: true,
  archivedAt: true,
  schoolId: true,
  updatedAt: true,
  school: { select: { id: true, name: true } },
  _count: { select: { observations: true } },
} satisfies Prisma.MeasureSelect

export type MeasureRow = Prisma.MeasureGetPayload<{ select: typeof measureSelect }>

export function toMeasureDto(row: MeasureRow, actor: Actor) {
  const { _count, archivedAt, ...rest } = row
  return {
    ...rest,
    scope: row.schoolId ? ('school' as const) : ('district' as const),
    archived: archivedAt !== null,
    observationCount: _count.observations,
    canEdit: canManageMeasures(actor, row.schoolId),
  }
}
export type MeasureDto = ReturnType<typeof toMeasureDto>

/** The schools whose own measures the actor sees: every school for district readers, else their grants'. */
export function visibleSchoolIds(actor: Actor): string[] | null {
  if (canReadDistrict(actor)) return null
  return [...new Set(actor.grants.map((g) => g.schoolId).filter((id): id is string => id !== null))]
}
