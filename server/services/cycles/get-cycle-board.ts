import { type Actor, CYCLE_STAGES, canReadTeam, daysSince, forbidden, methodChecks } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireTeam } from '../references.ts'
import { countObservationsInWindow, factsInclude, toCycleFacts } from './cycle-facts.ts'
import { cycleSummaryInclude, toCycleSummary } from './cycle-summary.ts'

/**
 * A team's cycles by stage, each with how long since its worksheet was touched, its method-check
 * warnings (as of `now`) and how much coach feedback still awaits the team's response.
 */
export async function getCycleBoard({
  db,
  actor,
  teamId,
  now,
}: {
  db: DbTx
  actor: Actor
  teamId: string
  now: Date
}) {
  const team = await requireTeam(db, actor, teamId)
  if (!canReadTeam(actor, { schoolId: team.schoolId, teamId: team.id })) {
    throw forbidden('You do not have access to this team.')
  }
  const rows = await db.pdsaCycle.findMany({
    where: { districtId: actor.districtId, teamId: team.id },
    include: {
      ...cycleSummaryInclude,
      ...factsInclude,
      _count: {
        select: {
          nextCycles: true,
          comments: { where: { parentId: null, requiresResponse: true, resolvedAt: null } },
        },
      },
    },
    orderBy: [{ plannedStart: 'asc' }, { createdAt: 'asc' }],
    take: 500,
  })
  const today = now.toISOString().slice(0, 10)
  const cards = await Promise.all(
    rows.map(async (row) => {
      const facts = toCycleFacts(row, await countObservationsInWindow(db, row))
      return {
        ...toCycleSummary(row),
        daysSinceEdit: daysSince(row.lastEditedAt, now),
        warnings: methodChecks(facts, today),
        openFeedbackCount: row._count.comments,
      }
    }),
  )
  return {
    team: { id: team.id, name: team.name },
    total: cards.length,
    // Open stages read in date order; the Complete column shows the most recent cycles first.
    stages: CYCLE_STAGES.map((stage) => {
      const cycles = cards.filter((c) => c.stage === stage)
      return { stage, cycles: stage === 'complete' ? cycles.reverse() : cycles }
    }),
  }
}
