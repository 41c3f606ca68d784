/**
 * Coach feedback that requires a response is a small state machine:
 *
 *   requested ──reply (team)──▶ replied ──accept (author)──▶ accepted
 *       ▲                          │                            │
 *       └────── reopen (author) ◀──┴──────── reopen (author) ◀──┘   (reopened behaves as requested)
 *
 * The team answers; only the coach who asked (the author) closes it by accepting the reply or re-opens it.
 * Feedback stays open (counted as awaiting) in every state but `accepted`.
 */
export const FEEDBACK_STATES = ['requested', 'replied', 'accepted', 'reopened'] as const
export type FeedbackState = (typeof FEEDBACK_STATES)[number]

export type FeedbackEvent = 'reply' | 'accept' | 'reopen'

/** Who is acting on the feedback, relative to it. */
export interface FeedbackActorRelation {
  /** The actor wrote the feedback (the coach who asked). */
  isAuthor: boolean
  /** The actor may edit the cycle or goal the feedback is on (its team). */
  isTeamEditor: boolean
}

export type FeedbackTransition =
  | { ok: true; to: FeedbackState }
  | { ok: false; reason: 'forbidden' | 'invalid-state'; message: string }

const AWAITING_TEAM: readonly FeedbackState[] = ['requested', 'reopened']

/** The state after `event`, or why it is refused. Pure: the caller persists and audits. */
export function feedbackTransition(
  from: FeedbackState,
  event: FeedbackEvent,
  who: FeedbackActorRelation,
): FeedbackTransition {
  switch (event) {
    case 'reply':
      if (!who.isTeamEditor) {
        return { ok: false, reason: 'forbidden', message: 'Only the team can answer this feedback.' }
      }
      if (!AWAITING_TEAM.includes(from)) {
        return { ok: false, reason: 'invalid-state', message: 'This feedback is not waiting for an answer.' }
      }
      return { ok: true, to: 'replied' }
    case 'accept':
      if (!who.isAuthor) {
        return { ok: false, reason: 'forbidden', message: 'Only the coach who asked can accept the reply.' }
      }
      if (from !== 'replied') {
        return {
          ok: false,
          reason: 'invalid-state',
          message:
            from === 'accepted' ? 'This reply is already accepted.' : 'There is no reply to accept yet.',
        }
      }
      return { ok: true, to: 'accepted' }
    case 'reopen':
      if (!who.isAuthor) {
        return {
          ok: false,
          reason: 'forbidden',
          message: 'Only the coach who asked can re-open this feedback.',
        }
      }
      if (from !== 'replied' && from !== 'accepted') {
        return { ok: false, reason: 'invalid-state', message: 'This feedback is already open.' }
      }
      return { ok: true, to: 'reopened' }
  }
}

/** Still open: the coach has not accepted a reply. */
export const isFeedbackOpen = (state: FeedbackState) => state !== 'accepted'
/** The team owes an answer. */
export const isAwaitingTeam = (state: FeedbackState) => AWAITING_TEAM.includes(state)
/** The team answered; the coach has to accept or re-open. */
export const isAwaitingCoach = (state: FeedbackState) => state === 'replied'

export const FEEDBACK_STATE_LABELS: Record<FeedbackState, string> = {
  requested: 'Awaiting response',
  reopened: 'Re-opened: awaiting response',
  replied: 'Replied: awaiting coach',
  accepted: 'Reply accepted',
}
