import type { Actor, UpdateCycleInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { fromIsoDate, toIsoDate, toIsoDateOrNull, validation } from '../shared.ts'
import {
  requireCycleChangeIdea,
  requireCycleDrivers,
  requireCycleGoal,
  requireCycleOwner,
} from './cycle-references.ts'
import { requireEditableCycle } from './require-cycle.ts'

const DATE_FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const

/** The structured fields of the worksheet (header, Do, Study, Act) and the drivers it targets. */
export async function updateCycle({
  db,
  actor,
  now,
  id,
  driverIds,
  ...patch
}: { db: Db; actor: Actor; now: Date } & UpdateCycleInput) {
  const cycle = await requireEditableCycle(db, actor, id)
  const team = { id: cycle.teamId, schoolId: cycle.schoolId }
  let goalId = patch.goalId !== undefined ? patch.goalId : cycle.goalId
  const changeIdeaId = patch.changeIdeaId !== undefined ? patch.changeIdeaId : cycle.changeIdeaId
  if (patch.goalId) await requireCycleGoal(db, actor, team, patch.goalId)
  if (changeIdeaId && (patch.goalId !== undefined || patch.changeIdeaId !== undefined)) {
    const idea = await requireCycleChangeIdea(db, actor, team, changeIdeaId, goalId)
    if (!goalId) goalId = patch.goalId = idea.goalId
  }
  if (patch.ownerId) await requireCycleOwner(db, actor, team, patch.ownerId)
  const drivers = driverIds ? await requireCycleDrivers(db, actor, team, driverIds, goalId) : null

  const merged = {
    plannedStart: patch.plannedStart ?? toIsoDate(cycle.plannedStart),
    plannedEnd: patch.plannedEnd ?? toIsoDate(cycle.plannedEnd),
    actualStart: patch.actualStart !== undefined ? patch.actualStart : toIsoDateOrNull(cycle.actualStart),
    actualEnd: patch.actualEnd !== undefined ? patch.actualEnd : toIsoDateOrNull(cycle.actualEnd),
  }
  if (merged.plannedEnd < merged.plannedStart) {
    throw validation('plannedEnd', 'The planned end is before the planned start.')
  }
  if (merged.actualStart && merged.actualEnd && merged.actualEnd < merged.actualStart) {
    throw validation('actualEnd', 'The actual end is before the actual start.')
  }

  const data: Record<string, unknown> = { ...patch }
  for (const f of DATE_FIELDS) {
    const v = patch[f]
    if (v !== undefined) data[f] = v === null ? null : fromIsoDate(v)
  }
  const { before, after, changed } = changedFields(cycle as unknown as Record<string, unknown>, data)
  await db.$transaction(async (tx) => {
    let driverChange: { before: string[]; after: string[] } | null = null
    if (drivers) {
      const current = (await tx.cycleDriver.findMany({ where: { cycleId: id } })).map((d) => d.driverId)
      if ([...current].sort().join() !== [...drivers].sort().join()) {
        await tx.cycleDriver.deleteMany({ where: { cycleId: id } })
        await tx.cycleDriver.createMany({ data: drivers.map((driverId) => ({ cycleId: id, driverId })) })
        driverChange = { before: current, after: drivers }
      }
    }
    if (!changed && !driverChange) return
    await tx.pdsaCycle.update({
      where: { id },
      data: { ...(changed ? (after as object) : {}), lastEditedAt: now },
    })
    await recordAudit(tx, actor, {
      action: 'cycle.update',
      entityType: 'pdsa_cycle',
      entityId: id,
      before: { ...before, ...(driverChange ? { driverIds: driverChange.before } : {}) },
      after: { ...after, ...(driverChange ? { driverIds: driverChange.after } : {}) },
    })
  })
  return { id }
}
