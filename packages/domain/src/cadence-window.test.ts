import { MIN_EVALUATION_POINTS } from '@pdsa/analytics'
import { describe, expect, it } from 'vitest'
import { slowCadenceProblem, windowLengthLabel } from './cadence-window.ts'
import { type CycleFacts, methodChecks } from './cycle.ts'

describe('windowLengthLabel', () => {
  it('names a Monday-to-Friday cycle by its weeks and a short one by its days', () => {
    expect(windowLengthLabel('2026-10-05', '2026-11-13')).toBe('6-week')
    expect(windowLengthLabel('2026-10-05', '2026-11-15')).toBe('6-week')
    expect(windowLengthLabel('2026-10-05', '2026-10-09')).toBe('5-day')
  })
})

describe('slowCadenceProblem', () => {
  // Monday 5 October to Sunday 15 November 2026: six whole weeks.
  const sixWeeks = { plannedStart: '2026-10-05', plannedEnd: '2026-11-15', lagDays: 0 }

  it('flags a term measure linked alone to a 6-week cycle, with what to do', () => {
    const problem = slowCadenceProblem({
      ...sixWeeks,
      linkedMeasures: [{ name: 'D/F rate', cadence: 'term' }],
    })
    expect(MIN_EVALUATION_POINTS).toBe(6)
    expect(problem?.measures).toEqual([{ name: 'D/F rate', cadence: 'term', expected: 1 }])
    expect(problem?.needed).toBe(MIN_EVALUATION_POINTS)
    expect(problem?.message).toBe(
      '“D/F rate” is reported once a term: this 6-week cycle will have about 1 value of it, and a verdict needs 6. ' +
        'Link a weekly measure to judge the cycle; a measure reported once a term or a year shows the longer-term outcome, not one cycle’s effect.',
    )
  })

  it('says when a window may not see a single value', () => {
    const problem = slowCadenceProblem({
      plannedStart: '2026-10-05',
      plannedEnd: '2026-10-30',
      lagDays: 0,
      linkedMeasures: [{ name: 'ELA scale score', cadence: 'annual' }],
    })
    expect(problem?.message).toMatch(
      /^“ELA scale score” is reported once a year: this 4-week cycle may not see a single value of it, and a verdict needs 6\./,
    )
  })

  it('says which linked measures the verdict will rest on when others can fill the window', () => {
    const problem = slowCadenceProblem({
      ...sixWeeks,
      linkedMeasures: [
        { name: 'ELA scale score', cadence: 'annual' },
        { name: 'Weekly gradebook D/F', cadence: 'weekly' },
        { name: 'Tutoring attendance', cadence: 'daily' },
      ],
    })
    expect(problem?.measures.map((m) => m.name)).toEqual(['ELA scale score'])
    expect(problem?.message).toMatch(
      /The cycle’s verdict will rest on “Weekly gradebook D\/F” and “Tutoring attendance”\.$/,
    )
  })

  it('counts the lag days and suggests a longer cycle for a monthly measure', () => {
    const monthly = { ...sixWeeks, linkedMeasures: [{ name: 'Family survey', cadence: 'monthly' as const }] }
    expect(slowCadenceProblem({ ...monthly, lagDays: 14 })?.message).toBe(
      '“Family survey” is reported once a month: this 6-week cycle (with its 14 days of lag) will have about 1 value of it, and a verdict needs 6. ' +
        'Link a weekly measure, or lengthen the cycle to at least 6 months.',
    )
    // six months and a bit hold six monthly values
    expect(
      slowCadenceProblem({ ...monthly, plannedStart: '2026-01-01', plannedEnd: '2026-07-05' }),
    ).toBeNull()
  })

  it('leaves weekly and daily measures to the cycle’s length, and says nothing without linked measures', () => {
    const short = { plannedStart: '2026-10-05', plannedEnd: '2026-10-23', lagDays: 0 }
    expect(
      slowCadenceProblem({ ...short, linkedMeasures: [{ name: 'Attendance', cadence: 'weekly' }] }),
    ).toBeNull()
    expect(slowCadenceProblem({ ...short, linkedMeasures: [] })).toBeNull()
    // an impossible window is the transition check's business
    expect(
      slowCadenceProblem({
        plannedStart: '2026-10-05',
        plannedEnd: '2026-10-01',
        lagDays: 0,
        linkedMeasures: [{ name: 'X', cadence: 'term' }],
      }),
    ).toBeNull()
  })
})

describe('methodChecks: a measure too slow for the window', () => {
  const facts: CycleFacts = {
    stage: 'plan',
    cycleNumber: 2,
    scale: '2 classes',
    plannedStart: '2026-10-05',
    plannedEnd: '2026-11-13',
    lastEditedAt: new Date('2026-09-30T12:00:00Z'),
    texts: { objective: 'Fewer D and F grades in grade 9 math.' },
    questions: [{ question: 'Will retakes cut Fs?', prediction: 'Yes, by a third.', result: '' }],
    linkedMeasures: [{ name: 'D/F rate', cadence: 'term' }],
    lagDays: 0,
    carriedOutAsPlanned: null,
    predictionsConfirmed: null,
    decision: null,
    spreadPlan: '',
    observationsInWindow: null,
    hasNextCycle: false,
  }

  it('fires while the cycle is planned, and in every later stage', () => {
    for (const stage of ['plan', 'do', 'study', 'act', 'complete'] as const) {
      const checks = methodChecks({ ...facts, stage }, '2026-10-01')
      expect(
        checks.map((c) => c.kind),
        stage,
      ).toContain('measure_too_slow_for_window')
    }
    const [check] = methodChecks(facts, '2026-10-01')
    expect(check).toEqual({
      kind: 'measure_too_slow_for_window',
      message: expect.stringContaining('a verdict needs 6'),
    })
  })

  it('is quiet when a weekly measure is linked instead', () => {
    const weekly = {
      ...facts,
      linkedMeasures: [{ name: 'Weekly gradebook D/F', cadence: 'weekly' as const }],
    }
    expect(methodChecks(weekly, '2026-10-01')).toEqual([])
  })
})
