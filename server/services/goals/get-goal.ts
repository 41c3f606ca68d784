import {
  type Actor,
  canArchiveGoal,
  canEditGoal,
  canEnterSchoolData,
  canReadGoal,
  forbidden,
  notFound,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { toIsoDate } from '../shared.ts'
import { goalSelect, toGoalDto } from './goal-dto.ts'

/** A goal of the actor's district that the actor may read; else NOT_FOUND (other district) or FORBIDDEN. */
export async function requireReadableGoal(db: DbTx, actor: Actor, id: string) {
  const goal = await db.equityGoal.findFirst({ where: { id, districtId: actor.districtId } })
  if (!goal) throw notFound('Goal')
  if (!canReadGoal(actor, goal)) throw forbidden('You do not have access to this goal.')
  return goal
}

/** A goal the actor may change: its team's editors, or district leaders for school-level goals. */
export async function requireEditableGoal(db: DbTx, actor: Actor, id: string) {
  const goal = await requireReadableGoal(db, actor, id)
  if (!canEditGoal(actor, goal)) {
    throw forbidden(
      goal.teamId
        ? 'Only the team that owns this goal can change it.'
        : 'Only district leaders can change school goals.',
    )
  }
  return goal
}

/**
 * The latest value of the goal's measure for its focal group at its school. Small cells (denominator
 * below the district's threshold) are suppressed for everyone who may not enter the school's data.
 */
async function latestFocalValue(
  db: DbTx,
  actor: Actor,
  goal: { schoolId: string; measureId: string; focalGroupId: string },
) {
  const [row, district] = await Promise.all([
    db.observation.findFirst({
      where: {
        districtId: actor.districtId,
        schoolId: goal.schoolId,
        measureId: goal.measureId,
        studentGroupId: goal.focalGroupId,
      },
      orderBy: { period: 'desc' },
      select: { period: true, value: true, denominator: true },
    }),
    db.district.findUniqueOrThrow({
      where: { id: actor.districtId },
      select: { suppressionThreshold: true },
    }),
  ])
  if (!row) return null
  const small = row.denominator !== null && row.denominator < district.suppressionThreshold
  const suppressed = small && !canEnterSchoolData(actor, goal.schoolId)
  return {
    period: toIsoDate(row.period),
    value: suppressed ? null : row.value,
    suppressed,
    threshold: district.suppressionThreshold,
  }
}

export async function getGoal({ db, actor, id }: { db: DbTx; actor: Actor; id: string }) {
  const goal = await requireReadableGoal(db, actor, id)
  const [row, latest] = await Promise.all([
    db.equityGoal.findUniqueOrThrow({ where: { id: goal.id }, select: goalSelect }),
    latestFocalValue(db, actor, goal),
  ])
  return {
    ...toGoalDto(row),
    latest,
    canEdit: canEditGoal(actor, goal),
    canArchive: canArchiveGoal(actor, goal),
  }
}
