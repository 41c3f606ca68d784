import type { Actor, ListCyclesInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { readableTeamWorkWhere } from '../shared.ts'
import { cycleSummaryInclude, toCycleSummary } from './cycle-summary.ts'

/** Cycles the actor may read, optionally of one team, goal, change idea or stage; most recently edited first. */
export async function listCycles({ db, actor, ...input }: { db: DbTx; actor: Actor } & ListCyclesInput) {
  const rows = await db.pdsaCycle.findMany({
    where: {
      AND: [
        readableTeamWorkWhere(actor),
        input.teamId ? { teamId: input.teamId } : {},
        input.goalId ? { goalId: input.goalId } : {},
        input.changeIdeaId ? { changeIdeaId: input.changeIdeaId } : {},
        input.stage ? { stage: input.stage } : {},
      ],
    },
    include: cycleSummaryInclude,
    orderBy: [{ lastEditedAt: 'desc' }, { id: 'asc' }],
    take: 500,
  })
  return rows.map(toCycleSummary)
}
