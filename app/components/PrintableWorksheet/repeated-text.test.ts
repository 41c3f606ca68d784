import { describe, expect, it } from 'vitest'
import { linesNotShown } from './repeated-text'

describe('linesNotShown', () => {
  const shown = ['Will families answer a personal text?', 'At least half of them will reply within a day.']

  it('drops numbered or bulleted lines that the table already shows', () => {
    expect(linesNotShown('1. Will families answer a personal text?', shown)).toBe('')
    expect(linesNotShown('- at least half of them will reply within a day', shown)).toBe('')
    expect(linesNotShown('', shown)).toBe('')
  })

  it('keeps the lines that say something the table does not', () => {
    expect(
      linesNotShown('Will families answer a personal text?\nWhich teachers will send them?', shown),
    ).toBe('Which teachers will send them?')
  })
})
