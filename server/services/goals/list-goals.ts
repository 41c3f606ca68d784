import type { Actor, ListGoalsInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { readableTeamWorkWhere } from '../shared.ts'
import { goalSelect, toGoalDto } from './goal-dto.ts'

/** Goals the actor may read, optionally of one team or school, newest first. */
export async function listGoals({ db, actor, ...input }: { db: DbTx; actor: Actor } & ListGoalsInput) {
  const rows = await db.equityGoal.findMany({
    where: {
      AND: [
        readableTeamWorkWhere(actor),
        input.teamId ? { teamId: input.teamId } : {},
        input.schoolId ? { schoolId: input.schoolId } : {},
        input.includeArchived ? {} : { status: { not: 'archived' } },
      ],
    },
    select: goalSelect,
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
    take: 200,
  })
  return rows.map(toGoalDto)
}
