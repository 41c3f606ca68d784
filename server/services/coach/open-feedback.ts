import { type FeedbackState, isAwaitingCoach } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

const EXCERPT = 160

/**
 * Coach feedback that requires a response and is still open (not accepted by its author), on the
 * teams' cycles and goals, oldest first. Each item says whether the team still owes the answer
 * (`awaitingReview` false) or has replied and the coach has to accept or re-open it (true).
 */
export async function openFeedbackByTeam(db: DbTx, districtId: string, teamIds: string[]) {
  const rows = await db.comment.findMany({
    where: {
      districtId,
      requiresResponse: true,
      resolvedAt: null,
      OR: [{ cycle: { teamId: { in: teamIds } } }, { goal: { teamId: { in: teamIds } } }],
    },
    select: {
      id: true,
      body: true,
      createdAt: true,
      feedbackState: true,
      author: { select: { id: true, name: true } },
      cycle: { select: { id: true, title: true, teamId: true } },
      goal: { select: { id: true, title: true, teamId: true } },
    },
    orderBy: { createdAt: 'asc' },
  })
  const byTeam = new Map<string, ReturnType<typeof toItem>[]>()
  for (const row of rows) {
    const teamId = row.cycle?.teamId ?? row.goal?.teamId
    if (!teamId) continue
    byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), toItem(row)])
  }
  return byTeam
}

function toItem(row: {
  id: string
  body: string
  createdAt: Date
  feedbackState: FeedbackState | null
  author: { id: string; name: string }
  cycle: { id: string; title: string } | null
  goal: { id: string; title: string } | null
}) {
  return {
    id: row.id,
    excerpt: row.body.length > EXCERPT ? `${row.body.slice(0, EXCERPT - 1)}…` : row.body,
    createdAt: row.createdAt,
    awaitingReview: row.feedbackState !== null && isAwaitingCoach(row.feedbackState),
    author: row.author,
    cycle: row.cycle ? { id: row.cycle.id, title: row.cycle.title } : null,
    goal: row.goal ? { id: row.goal.id, title: row.goal.title } : null,
  }
}
