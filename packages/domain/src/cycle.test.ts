import { describe, expect, it } from 'vitest'
import {
  arePredictionsLocked,
  buildSnapshotContent,
  changeIdeaStatusAfter,
  cycleWindow,
  daysSince,
  lockedQuestionProblems,
  problemsToFieldErrors,
  type QuestionLike,
} from './cycle.ts'

const q = (id: string, over: Partial<QuestionLike> = {}): QuestionLike & { id: string } => ({
  id,
  question: 'Will families reply?',
  prediction: 'Half of them will.',
  measureId: null,
  predictedValue: null,
  predictedMin: null,
  predictedMax: null,
  ...over,
})

describe('locked predictions', () => {
  it('locks from Do on', () => {
    expect(arePredictionsLocked('plan')).toBe(false)
    expect(arePredictionsLocked('do')).toBe(true)
    expect(arePredictionsLocked('complete')).toBe(true)
  })

  it('allows the same questions with only results changed', () => {
    const existing = [q('a'), q('b', { measureId: 'm', predictedValue: 40 })]
    const incoming = [
      { ...q('a'), result: 'Twelve of twenty replied.' },
      { ...q('b', { measureId: 'm', predictedValue: 40 }), resultValue: 38 },
    ]
    expect(lockedQuestionProblems(existing, incoming)).toEqual([])
  })

  it('ignores surrounding whitespace in locked texts', () => {
    expect(lockedQuestionProblems([q('a')], [q('a', { prediction: ' Half of them will. ' })])).toEqual([])
  })

  it('names every changed prediction field, added and removed question', () => {
    const existing = [q('a', { measureId: 'm', predictedMin: 1, predictedMax: 3 }), q('b')]
    const incoming = [
      q('a', { prediction: 'Most will.', measureId: 'm', predictedMin: 1, predictedMax: 4 }),
      q('new'),
      { ...q('x'), id: undefined },
    ]
    const problems = lockedQuestionProblems(existing, incoming)
    expect(problems.map((p) => p.field)).toEqual([
      'questions.0.prediction',
      'questions.0.predictedMax',
      'questions.1',
      'questions.2',
      'questions',
    ])
    expect(problems[0]?.message).toBe('The prediction of question 1 was locked when the test started.')
    expect(problems.at(-1)?.message).toBe('Question 2 cannot be removed once the test has started.')
  })

  it('groups problems by field', () => {
    expect(
      problemsToFieldErrors([
        { field: 'questions', message: 'a' },
        { field: 'questions', message: 'b' },
        { field: 'objective', message: 'c' },
      ]),
    ).toEqual({ questions: ['a', 'b'], objective: ['c'] })
  })
})

describe('change idea status after a transition', () => {
  it('starts testing an idea when a cycle enters Do, and leaves other statuses alone', () => {
    expect(changeIdeaStatusAfter('idea', 'do', null)).toBe('testing')
    expect(changeIdeaStatusAfter('adapted', 'do', null)).toBeNull()
    expect(changeIdeaStatusAfter('idea', 'study', null)).toBeNull()
  })

  it('follows the decision when a cycle completes', () => {
    expect(changeIdeaStatusAfter('testing', 'complete', 'adopt')).toBe('adopted')
    expect(changeIdeaStatusAfter('testing', 'complete', 'adapt')).toBe('adapted')
    expect(changeIdeaStatusAfter('testing', 'complete', 'abandon')).toBe('abandoned')
    expect(changeIdeaStatusAfter('adopted', 'complete', 'adopt')).toBeNull()
    expect(changeIdeaStatusAfter('testing', 'act', 'adopt')).toBeNull()
  })
})

describe('snapshot content', () => {
  it('fills every narrative section and orders lists by position', () => {
    const content = buildSnapshotContent({
      header: {
        title: 'Texts',
        cycleNumber: 1,
        purpose: 'test_a_change',
        scale: 'One class',
        owner: null,
        testers: '',
        goal: null,
        changeIdea: null,
        plannedStart: '2026-10-05',
        plannedEnd: '2026-10-16',
        actualStart: null,
        actualEnd: null,
        lagDays: 0,
        carriedOutAsPlanned: null,
        predictionsConfirmed: null,
        decision: null,
        spreadPlan: '',
        drivers: ['Family partnership'],
      },
      texts: { objective: 'Learn' },
      questions: [],
      tasks: [
        { position: 1, what: 'B', who: '', dueDate: null, location: '', done: false },
        { position: 0, what: 'A', who: '', dueDate: '2026-10-05', location: '', done: true },
      ],
      measures: [],
    })
    expect(content.version).toBe(1)
    expect(content.texts.objective).toBe('Learn')
    expect(content.texts.act).toBe('')
    expect(Object.keys(content.texts)).toHaveLength(9)
    expect(content.tasks.map((t) => t.what)).toEqual(['A', 'B'])
  })
})

describe('cycle window and days since', () => {
  it('uses actual dates when known, and adds the lag to the end', () => {
    const base = { plannedStart: '2026-10-05', plannedEnd: '2026-10-16', actualStart: null, actualEnd: null }
    expect(cycleWindow({ ...base, lagDays: 0 })).toEqual({ from: '2026-10-05', to: '2026-10-16' })
    expect(cycleWindow({ ...base, actualStart: '2026-10-07', lagDays: 20 })).toEqual({
      from: '2026-10-07',
      to: '2026-11-05',
    })
    expect(cycleWindow({ ...base, actualEnd: '2026-10-20', lagDays: 0 }).to).toBe('2026-10-20')
  })

  it('counts whole days, never negative', () => {
    const now = new Date('2026-10-20T12:00:00Z')
    expect(daysSince(new Date('2026-10-06T13:00:00Z'), now)).toBe(13)
    expect(daysSince(new Date('2026-10-21T00:00:00Z'), now)).toBe(0)
  })
})
