import { describe, expect, it } from 'vitest'
import {
  arePredictionsLockedFor,
  checkTransitionDates,
  datesClearedByMovingBack,
  previousStage,
  proposedTransitionDate,
} from './stage-transition.ts'

const planned = { plannedStart: '2026-11-02', plannedEnd: '2026-11-13', actualStart: null, actualEnd: null }

describe('stage transition dates', () => {
  it('proposes the recorded date, else today, only for the moves that set one', () => {
    expect(proposedTransitionDate('do', planned, '2026-11-20')).toEqual({
      field: 'actualStart',
      date: '2026-11-20',
    })
    expect(proposedTransitionDate('study', { ...planned, actualEnd: '2026-11-12' }, '2026-11-20')).toEqual({
      field: 'actualEnd',
      date: '2026-11-12',
    })
    expect(proposedTransitionDate('act', planned, '2026-11-20')).toBeNull()
  })

  it('accepts a start up to 60 days before the planned start and not after today', () => {
    expect(checkTransitionDates('do', planned, { actualStart: '2026-09-03' }, '2026-11-20')).toEqual([])
    expect(checkTransitionDates('do', planned, { actualStart: '2026-09-02' }, '2026-11-20')).toHaveLength(1)
    expect(checkTransitionDates('do', planned, { actualStart: '2026-11-21' }, '2026-11-20')).toEqual([
      { field: 'actualStart', message: 'The test cannot have started after today.' },
    ])
  })

  it('refuses an end before the start (actual, else planned) and a date the move does not set', () => {
    const started = { ...planned, actualStart: '2026-11-04' }
    expect(checkTransitionDates('study', started, { actualEnd: '2026-11-03' }, '2026-11-20')).toHaveLength(1)
    expect(checkTransitionDates('study', planned, { actualEnd: '2026-11-01' }, '2026-11-20')).toHaveLength(1)
    expect(checkTransitionDates('study', started, { actualEnd: '2026-11-04' }, '2026-11-20')).toEqual([])
    expect(checkTransitionDates('act', started, { actualStart: '2026-11-04' }, '2026-11-20')).toEqual([
      { field: 'actualStart', message: 'Moving to Act does not set the actual start.' },
    ])
  })
})

describe('moving back', () => {
  it('goes one stage back, clears the date the left stage set, and keeps predictions locked', () => {
    expect(previousStage('plan')).toBeNull()
    expect(previousStage('complete')).toBe('act')
    expect(datesClearedByMovingBack('do')).toEqual(['actualStart'])
    expect(datesClearedByMovingBack('study')).toEqual(['actualEnd'])
    expect(datesClearedByMovingBack('act')).toEqual([])
    expect(arePredictionsLockedFor({ stage: 'plan', predictionsLockedAt: null })).toBe(false)
    expect(arePredictionsLockedFor({ stage: 'plan', predictionsLockedAt: '2026-11-03T10:00:00Z' })).toBe(true)
    expect(arePredictionsLockedFor({ stage: 'do', predictionsLockedAt: null })).toBe(true)
  })
})
