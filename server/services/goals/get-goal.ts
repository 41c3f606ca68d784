import { type Actor, canArchiveGoal, canEditGoal, canReadGoal, forbidden, notFound } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { loadPrivacyContext } from '../analytics/privacy-context.ts'
import { loadSeriesReleases, seriesKeyOf } from '../analytics/release.ts'
import { toIsoDate } from '../shared.ts'
import { computeGoalDataBaseline } from './goal-data-baseline.ts'
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
 * The latest value of the goal's measure for its focal group at its school, as released
 * (docs/decisions/017): the same cell the goal's chart and the data table show, for every role.
 */
async function latestFocalValue(
  db: DbTx,
  actor: Actor,
  goal: { schoolId: string; measureId: string; focalGroupId: string },
) {
  const privacy = await loadPrivacyContext(db, actor)
  const key = { measureId: goal.measureId, schoolId: goal.schoolId }
  const release = (await loadSeriesReleases({ db, districtId: actor.districtId, keys: [key], privacy })).get(
    seriesKeyOf(key),
  )
  const period = release?.periods.findLast((p) => release.cells.get(p)?.has(goal.focalGroupId))
  const cell = period ? release?.cells.get(period)?.get(goal.focalGroupId) : undefined
  if (!period || !cell) return null
  return {
    period,
    value: cell.decision.kind === 'shown' ? cell.value : null,
    suppressed: cell.decision.kind !== 'shown',
    threshold: privacy.threshold,
  }
}

export async function getGoal({ db, actor, id }: { db: DbTx; actor: Actor; id: string }) {
  const goal = await requireReadableGoal(db, actor, id)
  const [row, latest, data] = await Promise.all([
    db.equityGoal.findUniqueOrThrow({ where: { id: goal.id }, select: goalSelect }),
    latestFocalValue(db, actor, goal),
    computeGoalDataBaseline(db, actor, {
      schoolId: goal.schoolId,
      measureId: goal.measureId,
      focalGroupId: goal.focalGroupId,
      referenceKind: goal.referenceKind,
      referenceGroupId: goal.referenceGroupId,
      baselineDate: toIsoDate(goal.baselineDate),
    }),
  ])
  return {
    ...toGoalDto(row),
    latest,
    /** What the data say now: the baseline by the chart's rule, and the gap at baseline (ADR 025). */
    data: { baseline: data.baseline, gap: data.gap },
    canEdit: canEditGoal(actor, goal),
    canArchive: canArchiveGoal(actor, goal),
  }
}
