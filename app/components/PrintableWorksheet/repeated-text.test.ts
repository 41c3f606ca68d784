import { describe, expect, it } from 'vitest'
import { repeatsShownText } from './repeated-text'

describe('repeatsShownText', () => {
  const shown = ['Will families answer a personal text?', 'At least half of them will reply within a day.']

  it('finds numbered or bulleted lines that the table already shows', () => {
    expect(repeatsShownText('1. Will families answer a personal text?', shown)).toBe(true)
    expect(repeatsShownText('- at least half of them will reply within a day', shown)).toBe(true)
    expect(repeatsShownText('', shown)).toBe(true)
  })

  it('keeps a text that says something the table does not', () => {
    expect(
      repeatsShownText('Will families answer a personal text?\nWhich teachers will send them?', shown),
    ).toBe(false)
  })
})
