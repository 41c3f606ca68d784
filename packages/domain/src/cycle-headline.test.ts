import { describe, expect, it } from 'vitest'
import { combineVerdicts, cycleHeadline, judgedForText, studentGroupPhrase } from './cycle-headline.ts'

describe('cycleHeadline', () => {
  it('leads with the outcome: a process measure that improved never reads as the cycle improved', () => {
    const h = cycleHeadline([
      { measureFamily: 'process', verdict: 'improved' },
      { measureFamily: 'outcome', verdict: 'not_enough_data' },
    ])
    expect(h.text).toBe('Outcome: not enough data · Process: improved')
    expect(h.lead).toBe('not_enough_data')
    expect(h.parts.map((p) => p.role)).toEqual(['outcome', 'process'])
  })

  it('says when no outcome measure is linked, still first', () => {
    const h = cycleHeadline([{ measureFamily: 'driver', verdict: 'improved' }])
    expect(h.text).toBe('Outcome: no measure linked · Process: improved')
    expect(h.lead).toBe('none_linked')
  })

  it('counts driver measures with the process and names balancing measures last', () => {
    const h = cycleHeadline([
      { measureFamily: 'balancing', verdict: 'worsened' },
      { measureFamily: 'driver', verdict: 'no_signal' },
      { measureFamily: 'process', verdict: 'no_signal' },
      { measureFamily: 'outcome', verdict: 'improved' },
    ])
    expect(h.text).toBe('Outcome: improved · Process: no signal · Balancing: worsened')
  })

  it('says how many measures of a part agree when they differ', () => {
    const h = cycleHeadline([
      { measureFamily: 'outcome', verdict: 'improved' },
      { measureFamily: 'outcome', verdict: 'no_signal' },
    ])
    expect(h.text).toBe('Outcome: improved (1 of 2)')
    expect(h.parts[0]).toMatchObject({ measureCount: 2, agreeing: 1 })
  })

  it('calls opposite signals in one part mixed', () => {
    const h = cycleHeadline([
      { measureFamily: 'outcome', verdict: 'improved' },
      { measureFamily: 'outcome', verdict: 'worsened' },
    ])
    expect(h.text).toBe('Outcome: mixed signals')
    expect(h.lead).toBe('mixed')
  })

  it('reads "No linked measures" for a cycle without verdicts', () => {
    expect(cycleHeadline([])).toMatchObject({ text: 'No linked measures', parts: [], hasVerdicts: false })
  })
})

describe('combineVerdicts', () => {
  it('prefers a signal, then no signal, then not enough data', () => {
    expect(combineVerdicts(['not_enough_data', 'no_signal'])).toEqual({ status: 'no_signal', agreeing: 1 })
    expect(combineVerdicts(['not_enough_data', 'not_enough_data'])).toEqual({
      status: 'not_enough_data',
      agreeing: 2,
    })
    expect(combineVerdicts(['worsened', 'no_signal'])).toEqual({ status: 'worsened', agreeing: 1 })
    expect(combineVerdicts([])).toEqual({ status: 'none_linked', agreeing: 0 })
  })
})

describe('judgedForText', () => {
  it('names the focal group and its verdict in plain words', () => {
    const j = judgedForText([{ studentGroupName: 'Black or African American', verdict: 'not_enough_data' }])
    expect(j?.text).toBe('Judged for Black or African American students: not enough data')
    expect(j?.note).toBe('Judged for Black or African American students')
    expect(j?.status).toBe('not_enough_data')
  })

  it('does not add "students" to a name that already says who', () => {
    expect(studentGroupPhrase('English learners')).toBe('English learners')
    expect(studentGroupPhrase('Students with disabilities')).toBe('Students with disabilities')
    expect(studentGroupPhrase('Filipino')).toBe('Filipino students')
  })

  it('combines one group’s measures and gives each group its own verdict', () => {
    const j = judgedForText([
      { studentGroupName: 'Filipino', verdict: 'no_signal' },
      { studentGroupName: 'Filipino', verdict: 'improved' },
      { studentGroupName: 'English learners', verdict: 'not_enough_data' },
    ])
    expect(j?.text).toBe('Judged for Filipino students: improved; English learners: not enough data')
    expect(j?.status).toBe('improved')
  })

  it('is null when no other group was judged', () => {
    expect(judgedForText([])).toBeNull()
  })
})
