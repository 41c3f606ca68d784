import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  maxValuesInWindow,
  slowCadenceProblem,
  TERM_REPORT_EVERY_DAYS,
  windowLengthLabel,
} from './cadence-window.ts'
import { type CycleFacts, methodChecks } from './cycle.ts'
import { CADENCES } from './enums.ts'
import { isAlignedPeriod } from './measures.ts'

const DAY_MS = 86_400_000
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

describe('maxValuesInWindow', () => {
  it('counts Mondays for weekly measures and 1sts for monthly ones', () => {
    // Monday 2026-10-05 to Friday 2026-11-13: a 6-week cycle
    expect(maxValuesInWindow('weekly', '2026-10-05', '2026-11-13')).toBe(6)
    expect(maxValuesInWindow('weekly', '2026-10-06', '2026-11-13')).toBe(5)
    expect(maxValuesInWindow('weekly', '2026-10-05', '2026-10-05')).toBe(1)
    expect(maxValuesInWindow('monthly', '2026-10-05', '2026-11-13')).toBe(1)
    expect(maxValuesInWindow('monthly', '2026-10-01', '2026-11-13')).toBe(2)
    expect(maxValuesInWindow('monthly', '2026-10-02', '2026-10-31')).toBe(0)
    expect(maxValuesInWindow('monthly', '2025-12-15', '2026-06-01')).toBe(6)
  })

  it('counts school days (Monday to Friday) for daily measures', () => {
    expect(maxValuesInWindow('daily', '2026-10-05', '2026-10-11')).toBe(5)
    expect(maxValuesInWindow('daily', '2026-10-10', '2026-10-11')).toBe(0) // a weekend
    expect(maxValuesInWindow('daily', '2026-10-05', '2026-11-13')).toBe(30)
  })

  it('allows one term value per six weeks and one annual value per year', () => {
    expect(TERM_REPORT_EVERY_DAYS).toBe(42)
    expect(maxValuesInWindow('term', '2026-10-05', '2026-11-15')).toBe(1) // 42 days
    expect(maxValuesInWindow('term', '2026-10-05', '2026-11-16')).toBe(2) // 43 days
    expect(maxValuesInWindow('annual', '2026-01-01', '2026-12-31')).toBe(1)
    expect(maxValuesInWindow('annual', '2026-01-01', '2027-01-01')).toBe(2)
  })

  it('is 0 for an empty window and refuses dates that are not dates', () => {
    expect(maxValuesInWindow('weekly', '2026-10-10', '2026-10-05')).toBe(0)
    expect(() => maxValuesInWindow('weekly', 'soon', '2026-10-05')).toThrow(RangeError)
  })

  it('matches counting the aligned period dates day by day (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('daily', 'weekly', 'monthly' as const),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 400 }),
        (cadence, offset, length) => {
          const start = addDays('2000-01-01', offset)
          const end = addDays(start, length)
          let expected = 0
          for (let d = 0; d <= length; d++) {
            const day = addDays(start, d)
            const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
            if (cadence === 'daily' ? weekday >= 1 && weekday <= 5 : isAlignedPeriod(cadence, day)) expected++
          }
          expect(maxValuesInWindow(cadence, start, end)).toBe(expected)
        },
      ),
    )
  })

  it('never falls when the window grows (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CADENCES),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 100 }),
        (cadence, offset, length, more) => {
          const start = addDays('2000-01-01', offset)
          expect(maxValuesInWindow(cadence, start, addDays(start, length + more))).toBeGreaterThanOrEqual(
            maxValuesInWindow(cadence, start, addDays(start, length)),
          )
        },
      ),
    )
  })
})

describe('windowLengthLabel', () => {
  it('names a Monday-to-Friday cycle by its weeks and a short one by its days', () => {
    expect(windowLengthLabel('2026-10-05', '2026-11-13')).toBe('6-week')
    expect(windowLengthLabel('2026-10-05', '2026-11-15')).toBe('6-week')
    expect(windowLengthLabel('2026-10-05', '2026-10-09')).toBe('5-day')
  })
})

describe('slowCadenceProblem', () => {
  const sixWeeks = { plannedStart: '2026-10-05', plannedEnd: '2026-11-13', lagDays: 0 }

  it('flags a term measure linked alone to a 6-week cycle, with what to do', () => {
    const problem = slowCadenceProblem(
      { ...sixWeeks, linkedMeasures: [{ name: 'D/F rate', cadence: 'term' }] },
      6,
    )
    expect(problem?.measures).toEqual([{ name: 'D/F rate', cadence: 'term', maxValues: 1 }])
    expect(problem?.message).toBe(
      '“D/F rate” is reported once a term: this 6-week cycle will have at most 1 value of it, and a verdict needs 6. ' +
        'Link a weekly measure to judge the cycle; a measure reported once a term or a year shows the longer-term outcome, not one cycle’s effect.',
    )
  })

  it('says which linked measures the verdict will rest on when others can fill the window', () => {
    const problem = slowCadenceProblem(
      {
        ...sixWeeks,
        linkedMeasures: [
          { name: 'ELA scale score', cadence: 'annual' },
          { name: 'Weekly gradebook D/F', cadence: 'weekly' },
          { name: 'Tutoring attendance', cadence: 'daily' },
        ],
      },
      6,
    )
    expect(problem?.message).toMatch(/^“ELA scale score” is reported once a year: .* at most 1 value of it/)
    expect(problem?.message).toMatch(
      /The cycle’s verdict will rest on “Weekly gradebook D\/F” and “Tutoring attendance”\.$/,
    )
  })

  it('counts the lag days and suggests a longer cycle for a monthly measure', () => {
    const monthly = { ...sixWeeks, linkedMeasures: [{ name: 'Family survey', cadence: 'monthly' as const }] }
    const problem = slowCadenceProblem({ ...monthly, lagDays: 14 }, 6)
    expect(problem?.message).toBe(
      '“Family survey” is reported once a month: this 6-week cycle (with its 14 days of lag) will have at most 1 value of it, and a verdict needs 6. ' +
        'Link a weekly measure, or lengthen the cycle to at least 6 months.',
    )
    expect(
      slowCadenceProblem({ ...monthly, plannedStart: '2026-01-01', plannedEnd: '2026-06-30' }, 6),
    ).toBeNull()
  })

  it('leaves weekly and daily measures to the cycle’s length, and says nothing without linked measures', () => {
    const short = { plannedStart: '2026-10-05', plannedEnd: '2026-10-23', lagDays: 0 }
    expect(
      slowCadenceProblem({ ...short, linkedMeasures: [{ name: 'Attendance', cadence: 'weekly' }] }, 6),
    ).toBeNull()
    expect(slowCadenceProblem({ ...short, linkedMeasures: [] }, 6)).toBeNull()
    // an impossible window is the transition check's business
    expect(
      slowCadenceProblem(
        {
          plannedStart: '2026-10-05',
          plannedEnd: '2026-10-01',
          lagDays: 0,
          linkedMeasures: [{ name: 'X', cadence: 'term' }],
        },
        6,
      ),
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
