import { type Actor, notFound } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import type { Prisma } from '../../db/generated/client.ts'
import { validation } from '../shared.ts'

export const districtGoalSelect = {
  id: true,
  code: true,
  title: true,
  description: true,
  startYear: true,
  endYear: true,
  archivedAt: true,
  owner: { select: { id: true, name: true } },
} satisfies Prisma.DistrictGoalSelect

export function toDistrictGoalDto(row: Prisma.DistrictGoalGetPayload<{ select: typeof districtGoalSelect }>) {
  const { archivedAt, ...rest } = row
  return { ...rest, archived: archivedAt !== null }
}
export type DistrictGoalDto = ReturnType<typeof toDistrictGoalDto>

export async function requireDistrictGoal(db: DbTx, actor: Actor, id: string) {
  const goal = await db.districtGoal.findFirst({ where: { id, districtId: actor.districtId } })
  if (!goal) throw notFound('District goal')
  return goal
}

/** The owner must be an active user of the district. */
export async function requireOwner(db: DbTx, actor: Actor, ownerId: string) {
  const user = await db.user.findFirst({
    where: { id: ownerId, districtId: actor.districtId, deactivatedAt: null },
    select: { id: true },
  })
  if (!user) throw validation('ownerId', 'Choose an active user of this district.')
}

/** District goal codes are unique within the district. */
export async function requireFreeCode(db: DbTx, actor: Actor, code: string, exceptId?: string) {
  const taken = await db.districtGoal.findFirst({
    where: {
      districtId: actor.districtId,
      code: { equals: code, mode: 'insensitive' },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  })
  if (taken) throw validation('code', 'Another district goal already uses this code.')
}
