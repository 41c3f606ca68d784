import { type Actor, type CycleStage, daysSince } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import type { Prisma } from '../../db/generated/client.ts'
import { linkedMeasureCadences } from '../cycles/linked-measure-cadences.ts'
import { observationsInWindow } from '../cycles/observations-in-window.ts'
import { emptyStageCounts } from '../district/cycles-by-stage.ts'
import { districtDerived } from '../district/derived-cache.ts'
import { toIsoDate } from '../shared.ts'
import { loadCoachedTeams } from './coached-teams.ts'
import { actionableChecks, cycleFactsSelect } from './cycle-attention.ts'
import { openFeedbackByTeam } from './open-feedback.ts'
import { CALIBRATION_RULE, calibrationOf } from './prediction-calibration.ts'

const portfolioCycleSelect = {
  ...cycleFactsSelect,
  decision: true,
  team: { select: { id: true, name: true } },
  school: { select: { id: true, name: true } },
  changeIdea: { select: { id: true, title: true } },
  questions: {
    select: {
      question: true,
      prediction: true,
      result: true,
      predictedValue: true,
      predictedMin: true,
      predictedMax: true,
      resultValue: true,
      measure: { select: { unit: true } },
    },
  },
} satisfies Prisma.PdsaCycleSelect

/** A cycle needs the coach's attention when a method check fires or feedback awaits the team's response. */
const needsAttention = (c: { checks: readonly unknown[]; openFeedback: number; awaitingReview: number }) =>
  c.checks.length > 0 || c.openFeedback > 0 || c.awaitingReview > 0

/**
 * Every cycle of every team the actor coaches, with its method-check warnings, linked-measure verdicts
 * and feedback awaiting the team's response; and per team its cycles by stage, open feedback and
 * prediction calibration. A fixed number of queries whatever the number of teams.
 */
export async function getCoachPortfolio({ db, actor, now }: { db: DbTx; actor: Actor; now: Date }) {
  const districtId = actor.districtId
  const teams = await loadCoachedTeams(db, actor, 'The coach portfolio is for improvement coaches.')
  const teamIds = teams.map((t) => t.id)
  const [rows, feedback] = await Promise.all([
    db.pdsaCycle.findMany({
      where: { districtId, teamId: { in: teamIds } },
      select: portfolioCycleSelect,
      orderBy: [{ lastEditedAt: 'desc' }, { id: 'asc' }],
    }),
    openFeedbackByTeam(db, districtId, teamIds),
  ])
  const cycleIds = rows.map((r) => r.id)
  // Verdicts come from the district's cached figures (the coach reads every cycle of the teams coached).
  const [observed, linked, derived] = await Promise.all([
    observationsInWindow(db, districtId, cycleIds),
    linkedMeasureCadences(db, districtId, cycleIds),
    districtDerived(db, actor, ['verdicts']),
  ])
  const verdicts = derived.verdicts
  const today = toIsoDate(now)
  // Open feedback splits into what the team still owes and replies the coach has to accept or re-open.
  const openByCycle = new Map<string, number>()
  const reviewByCycle = new Map<string, number>()
  for (const items of feedback.values()) {
    for (const item of items) {
      if (!item.cycle) continue
      const counts = item.awaitingReview ? reviewByCycle : openByCycle
      counts.set(item.cycle.id, (counts.get(item.cycle.id) ?? 0) + 1)
    }
  }
  const cycles = rows.map((row) => {
    const checks = actionableChecks(row, today, linked.get(row.id) ?? [], observed.get(row.id) ?? 0)
    return {
      id: row.id,
      title: row.title,
      stage: row.stage as CycleStage,
      cycleNumber: row.cycleNumber,
      scale: row.scale,
      decision: row.decision,
      team: row.team,
      school: row.school,
      changeIdea: row.changeIdea,
      plannedEnd: toIsoDate(row.plannedEnd),
      lastEditedAt: row.lastEditedAt,
      daysSinceEdit: daysSince(row.lastEditedAt, now),
      checks,
      verdicts: verdicts.get(row.id) ?? [],
      openFeedback: openByCycle.get(row.id) ?? 0,
      awaitingReview: reviewByCycle.get(row.id) ?? 0,
    }
  })
  const summaries = teams.map((team) => {
    const own = cycles.filter((c) => c.team.id === team.id)
    const byStage = emptyStageCounts()
    for (const c of own) byStage[c.stage] += 1
    const questions = rows
      .filter((r) => r.team.id === team.id)
      .flatMap((r) => r.questions.map((q) => ({ ...q, unit: q.measure?.unit ?? null })))
    return {
      ...team,
      cycleCount: own.length,
      cyclesByStage: byStage,
      needsAttention: own.filter(needsAttention).length,
      openFeedback: feedback.get(team.id)?.filter((f) => !f.awaitingReview).length ?? 0,
      awaitingReview: feedback.get(team.id)?.filter((f) => f.awaitingReview).length ?? 0,
      calibration: calibrationOf(questions),
    }
  })
  return {
    today,
    calibrationRule: CALIBRATION_RULE,
    teams: summaries,
    cycles,
    totals: {
      teams: summaries.length,
      cycles: cycles.length,
      needsAttention: cycles.filter(needsAttention).length,
      openFeedback: summaries.reduce((n, t) => n + t.openFeedback, 0),
      awaitingReview: summaries.reduce((n, t) => n + t.awaitingReview, 0),
    },
  }
}
export type CoachPortfolio = Awaited<ReturnType<typeof getCoachPortfolio>>
