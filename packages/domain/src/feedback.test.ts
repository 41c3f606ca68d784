import { describe, expect, it } from 'vitest'
import {
  FEEDBACK_STATES,
  feedbackTransition,
  isAwaitingCoach,
  isAwaitingTeam,
  isFeedbackOpen,
} from './feedback.ts'

const team = { isAuthor: false, isTeamEditor: true }
const coach = { isAuthor: true, isTeamEditor: false }
const otherCoach = { isAuthor: false, isTeamEditor: false }

describe('feedbackTransition', () => {
  it('goes requested → replied → accepted', () => {
    expect(feedbackTransition('requested', 'reply', team)).toEqual({ ok: true, to: 'replied' })
    expect(feedbackTransition('replied', 'accept', coach)).toEqual({ ok: true, to: 'accepted' })
  })

  it('lets the author re-open a reply or an accepted reply, and the team answer again', () => {
    expect(feedbackTransition('replied', 'reopen', coach)).toEqual({ ok: true, to: 'reopened' })
    expect(feedbackTransition('accepted', 'reopen', coach)).toEqual({ ok: true, to: 'reopened' })
    expect(feedbackTransition('reopened', 'reply', team)).toEqual({ ok: true, to: 'replied' })
  })

  it('a reply does not close the feedback: only the author accepting does', () => {
    expect(isFeedbackOpen('replied')).toBe(true)
    expect(isFeedbackOpen('accepted')).toBe(false)
  })

  it('refuses accept and reopen to anyone but the author, even a team editor', () => {
    for (const who of [team, otherCoach]) {
      expect(feedbackTransition('replied', 'accept', who)).toMatchObject({ ok: false, reason: 'forbidden' })
      expect(feedbackTransition('replied', 'reopen', who)).toMatchObject({ ok: false, reason: 'forbidden' })
    }
  })

  it('refuses a reply by someone who is not on the team', () => {
    expect(feedbackTransition('requested', 'reply', coach)).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('refuses transitions from the wrong state', () => {
    expect(feedbackTransition('requested', 'accept', coach)).toMatchObject({
      ok: false,
      reason: 'invalid-state',
    })
    expect(feedbackTransition('accepted', 'accept', coach)).toMatchObject({
      ok: false,
      reason: 'invalid-state',
    })
    expect(feedbackTransition('requested', 'reopen', coach)).toMatchObject({
      ok: false,
      reason: 'invalid-state',
    })
    expect(feedbackTransition('replied', 'reply', team)).toMatchObject({ ok: false, reason: 'invalid-state' })
    expect(feedbackTransition('accepted', 'reply', team)).toMatchObject({
      ok: false,
      reason: 'invalid-state',
    })
  })

  it('classifies every state as awaiting the team, awaiting the coach, or closed', () => {
    for (const s of FEEDBACK_STATES) {
      const n = [isAwaitingTeam(s), isAwaitingCoach(s), !isFeedbackOpen(s)].filter(Boolean).length
      expect(n, s).toBe(1)
    }
  })
})
