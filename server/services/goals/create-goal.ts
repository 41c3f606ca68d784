import { type Actor, type CreateGoalInput, canEditGoal, forbidden } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import {
  requireDistrictGoals,
  requireMeasure,
  requireSchool,
  requireStudentGroup,
  requireTeam,
} from '../references.ts'
import { fromIsoDate, validation } from '../shared.ts'
import { getGoal } from './get-goal.ts'
import { assertGoalFiguresFit } from './goal-figures.ts'
import { checkBaselineSource, refuseDuplicateGoal } from './goal-rules.ts'

/**
 * A new goal. Its baseline source is checked against the data (checkBaselineSource) and a second live
 * goal with the same aim is refused (refuseDuplicateGoal), in the transaction that writes it.
 */
export async function createGoal({
  db,
  actor,
  now,
  baselineSource,
  ...input
}: { db: Db; actor: Actor; now: Date } & CreateGoalInput) {
  const school = await requireSchool(db, actor, input.schoolId)
  if (input.teamId) {
    const team = await requireTeam(db, actor, input.teamId)
    if (team.schoolId !== school.id) throw validation('teamId', 'This team is at another school.')
  }
  if (!canEditGoal(actor, { schoolId: school.id, teamId: input.teamId })) {
    throw forbidden(
      input.teamId
        ? 'Only members of this team can add its goals.'
        : 'Only district leaders can add school goals.',
    )
  }
  const measure = await requireMeasure(db, actor, input.measureId, 'measureId', school.id)
  assertGoalFiguresFit(measure, input)
  await requireStudentGroup(db, actor, input.focalGroupId, 'focalGroupId')
  if (input.referenceGroupId) await requireStudentGroup(db, actor, input.referenceGroupId, 'referenceGroupId')
  await requireDistrictGoals(db, actor, input.districtGoalIds)
  const source = await checkBaselineSource(db, actor, input, baselineSource, now)

  const id = await db.$transaction(async (tx) => {
    await refuseDuplicateGoal(tx, actor, { ...input, schoolId: school.id })
    const goal = await tx.equityGoal.create({
      data: {
        districtId: actor.districtId,
        schoolId: school.id,
        teamId: input.teamId,
        title: input.title,
        aimStatement: input.aimStatement,
        measureId: input.measureId,
        focalGroupId: input.focalGroupId,
        referenceKind: input.referenceKind,
        referenceGroupId: input.referenceGroupId,
        baselineValue: input.baselineValue,
        baselineDate: fromIsoDate(input.baselineDate),
        targetValue: input.targetValue,
        targetDate: fromIsoDate(input.targetDate),
        baselineGap: input.baselineGap,
        targetGap: input.targetGap,
        baselineSource: source,
        status: input.status,
        createdById: actor.userId,
        alignments: {
          create: [...new Set(input.districtGoalIds)].map((districtGoalId) => ({ districtGoalId })),
        },
      },
    })
    await recordAudit(tx, actor, {
      action: 'goal.create',
      entityType: 'equity_goal',
      entityId: goal.id,
      after: { ...input, baselineSource: source },
    })
    return goal.id
  })
  return getGoal({ db, actor, id })
}
