import { type Actor, canEditGoal, canEditTeam } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { changeIdeaSelect, toChangeIdeaDto } from '../change-ideas/change-idea-dto.ts'
import { getDriverTree } from './driver-tree.ts'
import { requireReadableGoal } from './get-goal.ts'

/**
 * The goal's driver diagram as a tree: primary drivers → secondary drivers → change ideas (an idea linked
 * to several secondary drivers appears under each; ideas linked to none are listed apart). Three queries,
 * assembled in memory.
 */
export async function getGoalDiagram({ db, actor, id }: { db: DbTx; actor: Actor; id: string }) {
  const goal = await requireReadableGoal(db, actor, id)
  const [drivers, ideaRows, cycleTargets] = await Promise.all([
    db.driverNode.findMany({
      where: { goalId: goal.id, districtId: actor.districtId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: { id: true, parentId: true, kind: true, title: true, description: true, position: true },
    }),
    db.changeIdea.findMany({
      where: { goalId: goal.id, districtId: actor.districtId },
      select: changeIdeaSelect,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.cycleDriver.findMany({
      where: { driver: { goalId: goal.id } },
      select: { driverId: true, cycleId: true },
    }),
  ])
  const changeIdeas = ideaRows.map(toChangeIdeaDto)
  const tree = getDriverTree(drivers, changeIdeas, cycleTargets)
  return {
    goalId: goal.id,
    canEdit: canEditGoal(actor, goal),
    /** The team that may start a cycle from one of the goal's change ideas (null: the actor may not). */
    cycleTeamId:
      goal.teamId && canEditTeam(actor, { schoolId: goal.schoolId, teamId: goal.teamId })
        ? goal.teamId
        : null,
    ...tree,
    changeIdeaCount: changeIdeas.length,
  }
}
