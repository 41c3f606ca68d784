import { describe, expect, it } from 'vitest'
import { withoutFieldPrefixes } from './error-message'

describe('withoutFieldPrefixes', () => {
  it('drops the field name before each sentence', () => {
    expect(withoutFieldPrefixes('email: A user with the email a@b.org already exists.')).toBe(
      'A user with the email a@b.org already exists.',
    )
    expect(
      withoutFieldPrefixes(
        'plannedEnd: The planned end is before the start. questions.0.prediction: Too long.',
      ),
    ).toBe('The planned end is before the start. Too long.')
  })

  it('keeps ordinary text with colons', () => {
    expect(withoutFieldPrefixes('Not saved: try again.')).toBe('Not saved: try again.')
    expect(withoutFieldPrefixes('The time is 10:30.')).toBe('The time is 10:30.')
  })
})
