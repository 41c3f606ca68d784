import {
  type Actor,
  BOARD_COMPLETE_SHOWN,
  CYCLE_STAGES,
  canReadTeam,
  daysSince,
  type FeedbackState,
  forbidden,
  methodChecks,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireTeam } from '../references.ts'
import { factsInclude, toCycleFacts } from './cycle-facts.ts'
import { cycleSummaryInclude, toCycleSummary } from './cycle-summary.ts'
import { observationsInWindow } from './observations-in-window.ts'

/** Feedback the team still owes an answer to (a reply moves it to the coach: ADR 026). */
const AWAITING_TEAM_STATES: FeedbackState[] = ['requested', 'reopened']

const boardInclude = {
  ...cycleSummaryInclude,
  ...factsInclude,
  _count: {
    select: {
      nextCycles: true,
      comments: { where: { parentId: null, feedbackState: { in: AWAITING_TEAM_STATES } } },
    },
  },
} as const

/**
 * A team's cycles by stage, each with how long since its worksheet was touched, its method-check
 * warnings (as of `now`) and how much coach feedback still awaits the team's response. Every open
 * cycle, in date order; of the completed ones the most recent `completeShown`, with their total. A
 * fixed number of queries whatever the number of cycles.
 */
export async function getCycleBoard({
  db,
  actor,
  teamId,
  completeShown = BOARD_COMPLETE_SHOWN,
  now,
}: {
  db: DbTx
  actor: Actor
  teamId: string
  completeShown?: number
  now: Date
}) {
  const team = await requireTeam(db, actor, teamId)
  if (!canReadTeam(actor, { schoolId: team.schoolId, teamId: team.id })) {
    throw forbidden('You do not have access to this team.')
  }
  const where = { districtId: actor.districtId, teamId: team.id }
  const [open, complete, completeTotal] = await Promise.all([
    db.pdsaCycle.findMany({
      where: { ...where, stage: { not: 'complete' } },
      include: boardInclude,
      orderBy: [{ plannedStart: 'asc' }, { createdAt: 'asc' }],
    }),
    db.pdsaCycle.findMany({
      where: { ...where, stage: 'complete' },
      include: boardInclude,
      orderBy: [{ plannedStart: 'desc' }, { createdAt: 'desc' }],
      take: completeShown,
    }),
    db.pdsaCycle.count({ where: { ...where, stage: 'complete' } }),
  ])
  const rows = [...open, ...complete]
  const observed = await observationsInWindow(
    db,
    actor.districtId,
    rows.filter((r) => r.measures.length > 0).map((r) => r.id),
  )
  const today = now.toISOString().slice(0, 10)
  const cards = rows.map((row) => ({
    ...toCycleSummary(row),
    daysSinceEdit: daysSince(row.lastEditedAt, now),
    warnings: methodChecks(toCycleFacts(row, observed.get(row.id) ?? 0), today),
    openFeedbackCount: row._count.comments,
  }))
  return {
    team: { id: team.id, name: team.name },
    total: open.length + completeTotal,
    // Open stages read in date order; the Complete column shows the most recent cycles first.
    stages: CYCLE_STAGES.map((stage) => {
      const cycles = cards.filter((c) => c.stage === stage)
      return { stage, total: stage === 'complete' ? completeTotal : cycles.length, cycles }
    }),
  }
}
