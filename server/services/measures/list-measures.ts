import type { Actor, ListMeasuresInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import type { Prisma } from '../../db/generated/client.ts'
import { measureSelect, toMeasureDto, visibleSchoolIds } from './measure-dto.ts'

/** The measures library: the district's measures plus the own measures of the schools the actor sees. */
export async function listMeasures({ db, actor, ...input }: { db: DbTx; actor: Actor } & ListMeasuresInput) {
  const schools = visibleSchoolIds(actor)
  const and: Prisma.MeasureWhereInput[] = [{ districtId: actor.districtId }]
  if (schools) and.push({ OR: [{ schoolId: null }, { schoolId: { in: schools } }] })
  if (input.schoolId) and.push({ OR: [{ schoolId: null }, { schoolId: input.schoolId }] })
  if (input.scope) and.push({ schoolId: input.scope === 'district' ? null : { not: null } })
  if (!input.includeArchived) and.push({ archivedAt: null })
  if (input.family) and.push({ family: input.family })
  if (input.unit) and.push({ unit: input.unit })
  if (input.cadence) and.push({ cadence: input.cadence })
  if (input.accumulation) and.push({ accumulation: input.accumulation })
  if (input.search) {
    and.push({
      OR: [
        { name: { contains: input.search, mode: 'insensitive' } },
        { code: { contains: input.search, mode: 'insensitive' } },
      ],
    })
  }
  const rows = await db.measure.findMany({
    where: { AND: and },
    select: measureSelect,
    orderBy: [{ name: 'asc' }, { code: 'asc' }],
    take: 500,
  })
  return rows.map((row) => toMeasureDto(row, actor))
}
