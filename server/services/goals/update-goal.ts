import { type Actor, canArchiveGoal, forbidden, type UpdateGoalInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { requireDistrictGoals, requireMeasure, requireStudentGroup } from '../references.ts'
import { fromIsoDate, toIsoDate, validation } from '../shared.ts'
import { getGoal, requireEditableGoal } from './get-goal.ts'
import { assertGoalFiguresFit } from './goal-figures.ts'
import { checkBaselineSource, refuseDuplicateGoal } from './goal-rules.ts'

const BASELINE_FIELDS = [
  'baselineValue',
  'baselineDate',
  'measureId',
  'focalGroupId',
  'referenceKind',
  'referenceGroupId',
] as const
const AIM_FIELDS = ['measureId', 'focalGroupId', 'referenceKind', 'referenceGroupId', 'targetDate'] as const

/**
 * Changes a goal. When its baseline or what it measures changes (or a baseline source is sent), the
 * baseline source is checked again; when its aim changes or it comes back from the archive, a duplicate
 * live goal is refused (ADR 025).
 */
export async function updateGoal({
  db,
  actor,
  now,
  id,
  districtGoalIds,
  baselineSource,
  ...patch
}: { db: Db; actor: Actor; now: Date } & UpdateGoalInput) {
  const goal = await requireEditableGoal(db, actor, id)
  const archiving =
    patch.status !== undefined && (patch.status === 'archived') !== (goal.status === 'archived')
  if (archiving && !canArchiveGoal(actor, goal)) {
    throw forbidden('Only the team lead or a district admin can archive a goal or bring it back.')
  }
  const measure = await requireMeasure(
    db,
    actor,
    patch.measureId ?? goal.measureId,
    'measureId',
    goal.schoolId,
  )
  // The figures sent must fit the measure's scale; all of them when the measure itself changes.
  const checkAll = !!patch.measureId && patch.measureId !== goal.measureId
  assertGoalFiguresFit(measure, {
    baselineValue: patch.baselineValue ?? (checkAll ? goal.baselineValue : null),
    targetValue: patch.targetValue ?? (checkAll ? goal.targetValue : null),
    baselineGap: patch.baselineGap !== undefined ? patch.baselineGap : checkAll ? goal.baselineGap : null,
    targetGap: patch.targetGap !== undefined ? patch.targetGap : checkAll ? goal.targetGap : null,
  })
  if (patch.focalGroupId) await requireStudentGroup(db, actor, patch.focalGroupId, 'focalGroupId')
  if (patch.referenceGroupId) await requireStudentGroup(db, actor, patch.referenceGroupId, 'referenceGroupId')
  if (districtGoalIds) await requireDistrictGoals(db, actor, districtGoalIds)

  // Cross-field rules on the merged goal (the schema checked only the fields sent).
  const merged = {
    referenceKind: patch.referenceKind ?? goal.referenceKind,
    referenceGroupId: patch.referenceGroupId !== undefined ? patch.referenceGroupId : goal.referenceGroupId,
    focalGroupId: patch.focalGroupId ?? goal.focalGroupId,
    baselineDate: patch.baselineDate ?? toIsoDate(goal.baselineDate),
    targetDate: patch.targetDate ?? toIsoDate(goal.targetDate),
  }
  if (merged.referenceKind === 'named_group' && !merged.referenceGroupId) {
    throw validation('referenceGroupId', 'Choose the group to compare with.')
  }
  if (merged.referenceKind !== 'named_group' && merged.referenceGroupId) {
    if (patch.referenceKind) patch.referenceGroupId = null
    else throw validation('referenceGroupId', 'Only a named-group comparison takes a group.')
  }
  if (merged.referenceGroupId && merged.referenceGroupId === merged.focalGroupId) {
    throw validation('referenceGroupId', 'Compare the focal group with another group.')
  }
  if (merged.targetDate <= merged.baselineDate)
    throw validation('targetDate', 'The target date must be after the baseline date.')

  const stored = goal.baselineSource as { kind?: string } | null
  const differs = (k: string) =>
    (patch as Record<string, unknown>)[k] !== undefined &&
    changedFields(goal as unknown as Record<string, unknown>, {
      [k]: k.endsWith('Date')
        ? fromIsoDate((patch as Record<string, string>)[k] as string)
        : (patch as Record<string, unknown>)[k],
    }).changed
  const source =
    baselineSource !== undefined || BASELINE_FIELDS.some(differs)
      ? await checkBaselineSource(
          db,
          actor,
          {
            schoolId: goal.schoolId,
            measureId: patch.measureId ?? goal.measureId,
            focalGroupId: merged.focalGroupId,
            referenceKind: merged.referenceKind,
            referenceGroupId:
              patch.referenceGroupId !== undefined ? patch.referenceGroupId : goal.referenceGroupId,
            baselineDate: merged.baselineDate,
            baselineValue: patch.baselineValue ?? goal.baselineValue,
          },
          baselineSource ?? (stored?.kind === 'data' ? 'data' : 'manual'),
          now,
        )
      : undefined
  const unarchiving = patch.status !== undefined && patch.status !== 'archived' && goal.status === 'archived'
  const aimChanged = AIM_FIELDS.some(differs) || unarchiving
  const data = {
    ...patch,
    ...(source ? { baselineSource: source } : {}),
    ...(patch.baselineDate ? { baselineDate: fromIsoDate(patch.baselineDate) } : {}),
    ...(patch.targetDate ? { targetDate: fromIsoDate(patch.targetDate) } : {}),
  }
  const { before, after, changed } = changedFields(goal as unknown as Record<string, unknown>, data)
  await db.$transaction(async (tx) => {
    if (aimChanged && (patch.status ?? goal.status) !== 'archived') {
      await refuseDuplicateGoal(tx, actor, {
        id,
        schoolId: goal.schoolId,
        measureId: patch.measureId ?? goal.measureId,
        focalGroupId: merged.focalGroupId,
        referenceKind: merged.referenceKind,
        referenceGroupId:
          patch.referenceGroupId !== undefined ? patch.referenceGroupId : goal.referenceGroupId,
        targetDate: merged.targetDate,
      })
    }
    if (changed) await tx.equityGoal.update({ where: { id }, data })
    let alignmentChange: { before: string[]; after: string[] } | null = null
    if (districtGoalIds) {
      const current = (await tx.equityGoalAlignment.findMany({ where: { equityGoalId: id } })).map(
        (a) => a.districtGoalId,
      )
      const next = [...new Set(districtGoalIds)]
      if (current.sort().join() !== [...next].sort().join()) {
        await tx.equityGoalAlignment.deleteMany({ where: { equityGoalId: id } })
        await tx.equityGoalAlignment.createMany({
          data: next.map((districtGoalId) => ({ equityGoalId: id, districtGoalId })),
        })
        alignmentChange = { before: current, after: next }
      }
    }
    if (changed || alignmentChange) {
      await recordAudit(tx, actor, {
        action: 'goal.update',
        entityType: 'equity_goal',
        entityId: id,
        before: { ...before, ...(alignmentChange ? { districtGoalIds: alignmentChange.before } : {}) },
        after: { ...after, ...(alignmentChange ? { districtGoalIds: alignmentChange.after } : {}) },
      })
    }
  })
  return getGoal({ db, actor, id })
}
