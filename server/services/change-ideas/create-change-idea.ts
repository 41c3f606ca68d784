import type { Actor, CreateChangeIdeaInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { requireEditableGoal } from '../goals/get-goal.ts'
import { getChangeIdea } from './get-change-idea.ts'
import { requireSecondaryDrivers } from './require-change-idea.ts'

export async function createChangeIdea({
  db,
  actor,
  ...input
}: { db: Db; actor: Actor } & CreateChangeIdeaInput) {
  const goal = await requireEditableGoal(db, actor, input.goalId)
  const driverIds = await requireSecondaryDrivers(db, actor, goal.id, input.driverIds)
  const id = await db.$transaction(async (tx) => {
    const idea = await tx.changeIdea.create({
      data: {
        districtId: actor.districtId,
        goalId: goal.id,
        teamId: goal.teamId,
        title: input.title,
        description: input.description,
        status: input.status,
        mtssTier: input.mtssTier,
        evidenceLinks: input.evidenceLinks,
        drivers: { create: driverIds.map((driverId) => ({ driverId })) },
      },
    })
    await recordAudit(tx, actor, {
      action: 'change_idea.create',
      entityType: 'change_idea',
      entityId: idea.id,
      after: { ...input, driverIds },
    })
    return idea.id
  })
  return getChangeIdea({ db, actor, id })
}
