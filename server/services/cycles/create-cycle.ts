import { type Actor, type CreateCycleInput, canEditTeam, forbidden } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { requireTeam } from '../references.ts'
import { fromIsoDate, validation } from '../shared.ts'
import { requireCycleChangeIdea, requireCycleGoal, requireCycleOwner } from './cycle-references.ts'

/** The cycle a new one follows in a ramp: a cycle of the same team. */
async function requirePreviousCycle(db: Db, actor: Actor, teamId: string, id: string) {
  const previous = await db.pdsaCycle.findFirst({
    where: { id, districtId: actor.districtId },
    include: { measures: true, drivers: true },
  })
  if (!previous) throw validation('previousCycleId', 'No such cycle.')
  if (previous.teamId !== teamId) throw validation('previousCycleId', 'This cycle belongs to another team.')
  return previous
}

/**
 * A new cycle in Plan for a team (its lead and members). With `previousCycleId` it continues a ramp:
 * the next cycle number, the same goal and change idea unless others are given, and the previous
 * cycle's linked measures and targeted drivers.
 */
export async function createCycle({
  db,
  actor,
  now,
  ...input
}: { db: Db; actor: Actor; now: Date } & CreateCycleInput) {
  const team = await requireTeam(db, actor, input.teamId)
  if (!canEditTeam(actor, { schoolId: team.schoolId, teamId: team.id })) {
    throw forbidden('Only members of this team can plan its cycles.')
  }
  const previous = input.previousCycleId
    ? await requirePreviousCycle(db, actor, team.id, input.previousCycleId)
    : null
  // A ramp keeps its goal and change idea unless the new cycle names others.
  const inherit = previous && !input.changeIdeaId && (!input.goalId || input.goalId === previous.goalId)
  let goalId = input.goalId ?? (inherit ? previous.goalId : null)
  const changeIdeaId = input.changeIdeaId ?? (inherit ? previous.changeIdeaId : null)
  if (goalId) await requireCycleGoal(db, actor, team, goalId)
  if (changeIdeaId) {
    const idea = await requireCycleChangeIdea(db, actor, team, changeIdeaId, goalId)
    goalId ??= idea.goalId
  }
  if (input.ownerId) await requireCycleOwner(db, actor, team, input.ownerId)

  return db.$transaction(async (tx) => {
    const cycle = await tx.pdsaCycle.create({
      data: {
        districtId: actor.districtId,
        schoolId: team.schoolId,
        teamId: team.id,
        goalId,
        changeIdeaId,
        previousCycleId: previous?.id ?? null,
        cycleNumber: previous ? previous.cycleNumber + 1 : 1,
        title: input.title,
        purpose: input.purpose,
        scale: input.scale,
        ownerId: input.ownerId,
        testers: input.testers,
        plannedStart: fromIsoDate(input.plannedStart),
        plannedEnd: fromIsoDate(input.plannedEnd),
        createdById: actor.userId,
        createdAt: now,
        lastEditedAt: now,
        stageChangedAt: now,
        measures: {
          create: (previous?.measures ?? []).map(({ cycleId: _c, ...m }) => m),
        },
        drivers: { create: (previous?.drivers ?? []).map((d) => ({ driverId: d.driverId })) },
      },
    })
    await recordAudit(tx, actor, {
      action: 'cycle.create',
      entityType: 'pdsa_cycle',
      entityId: cycle.id,
      after: {
        ...input,
        goalId,
        changeIdeaId,
        cycleNumber: cycle.cycleNumber,
        linkedMeasureIds: (previous?.measures ?? []).map((m) => m.measureId),
      },
    })
    return { id: cycle.id, title: cycle.title, teamId: cycle.teamId, cycleNumber: cycle.cycleNumber }
  })
}
