// Rules a goal is checked against when it is created or changed (ADR 025): where its baseline came
// from, and that no other live goal already states the same aim.
import {
  type Actor,
  type BaselineSourceKind,
  DomainError,
  formatMeasureValue,
  type GoalDataBaselineInput,
  type MeasureUnit,
  schoolYearLabel,
  schoolYearStartDate,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { fromIsoDate, validation } from '../shared.ts'
import { computeGoalDataBaseline } from './goal-data-baseline.ts'

/**
 * The baseline source to store. "data": the value must be the one the data give (to 2 decimals), else
 * VALIDATION saying what the data give; "manual": stored with what the data gave at the time, if anything.
 */
export async function checkBaselineSource(
  db: DbTx,
  actor: Actor,
  goal: GoalDataBaselineInput & { baselineValue: number },
  source: BaselineSourceKind,
  now: Date,
) {
  const data = await computeGoalDataBaseline(db, actor, goal)
  const checkedAt = now.toISOString()
  if (source === 'manual') {
    return { kind: 'manual' as const, dataValue: data.baseline?.value ?? null, checkedAt }
  }
  if (!data.baseline) throw validation('baselineValue', data.baselineMissing ?? 'No data for this baseline.')
  if (Math.abs(data.baseline.value - goal.baselineValue) > 0.005) {
    throw validation(
      'baselineValue',
      `The data give ${formatMeasureValue(data.baseline.value, data.unit as MeasureUnit)} (median of ${data.baseline.points} points, ${data.baseline.from} to ${data.baseline.to}), not ${goal.baselineValue}: use the data's value, or say the baseline is entered by hand.`,
    )
  }
  return { kind: 'data' as const, ...data.baseline, checkedAt }
}

/**
 * Refuses a second live (not archived) goal of the same school on the same measure, focal group and
 * comparison whose target falls in the same school year. Call inside the transaction that writes the
 * goal: an advisory lock on the aim serialises two concurrent requests for it.
 */
export async function refuseDuplicateGoal(
  tx: DbTx,
  actor: Actor,
  goal: {
    id?: string
    schoolId: string
    measureId: string
    focalGroupId: string
    referenceKind: string
    referenceGroupId: string | null
    targetDate: string
  },
) {
  const key = `goal-aim:${goal.schoolId}:${goal.measureId}:${goal.focalGroupId}`
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`
  const settings = await tx.district.findUniqueOrThrow({
    where: { id: actor.districtId },
    select: { schoolYearStart: true },
  })
  const yearStart = schoolYearStartDate(goal.targetDate, settings.schoolYearStart)
  const nextYearStart = `${String(Number(yearStart.slice(0, 4)) + 1).padStart(4, '0')}${yearStart.slice(4)}`
  const existing = await tx.equityGoal.findFirst({
    where: {
      districtId: actor.districtId,
      schoolId: goal.schoolId,
      measureId: goal.measureId,
      focalGroupId: goal.focalGroupId,
      referenceKind: goal.referenceKind as never,
      referenceGroupId: goal.referenceGroupId,
      status: { not: 'archived' },
      targetDate: { gte: fromIsoDate(yearStart), lt: fromIsoDate(nextYearStart) },
      ...(goal.id ? { id: { not: goal.id } } : {}),
    },
    select: { id: true, title: true, targetValue: true, measure: { select: { unit: true } } },
  })
  if (existing) {
    throw new DomainError(
      'CONFLICT',
      `This school already has a goal for the same students, measure and comparison with a target in ${schoolYearLabel(goal.targetDate, settings.schoolYearStart)}: “${existing.title}” (target ${formatMeasureValue(existing.targetValue, existing.measure.unit as MeasureUnit)}). Change that goal instead of adding a second one.`,
      { existingGoalId: existing.id },
    )
  }
}
