import { describe, expect, it } from 'vitest'
import { CreateCommentInputSchema } from './comments.ts'
import {
  DescriptionSchema,
  isStorableText,
  MeasureNumberSchema,
  TitleSchema,
  UNSTORABLE_TEXT_MESSAGE,
} from './common.ts'

describe('text the database can store', () => {
  it('accepts ordinary text, emoji (paired surrogates), right-to-left text and line breaks', () => {
    for (const text of ['Attendance', '👩🏽‍🏫 reading', 'مرحبا שלום', 'line\nbreak\ttab', '']) {
      expect(isStorableText(text), text).toBe(true)
    }
  })

  it('refuses a NUL character and half of a surrogate pair, wherever it is', () => {
    for (const text of ['\u0000', 'a\u0000b', '\uD83D', 'end \uD83D', '\uDE00 start', '\uDE00\uD83D']) {
      expect(isStorableText(text), JSON.stringify(text)).toBe(false)
    }
  })

  it('gives every text field a clear message for it', () => {
    const title = TitleSchema.safeParse('Plan\u0000')
    expect(title.success).toBe(false)
    expect(title.error?.issues[0]?.message).toBe(UNSTORABLE_TEXT_MESSAGE)
    expect(DescriptionSchema.safeParse('ok \uD800').success).toBe(false)
    const comment = CreateCommentInputSchema.safeParse({
      cycleId: '7d3f1a52-4c1e-4a8b-9f2e-1b2c3d4e5f60',
      body: 'why\u0000',
    })
    expect(comment.error?.issues.map((i) => i.message)).toContain(UNSTORABLE_TEXT_MESSAGE)
  })
})

describe('figures on a measure scale', () => {
  it('refuses ±1e308 and anything beyond a billion', () => {
    expect(MeasureNumberSchema.safeParse(1e308).success).toBe(false)
    expect(MeasureNumberSchema.safeParse(-1e308).success).toBe(false)
    expect(MeasureNumberSchema.safeParse(1_000_000_001).success).toBe(false)
    expect(MeasureNumberSchema.safeParse(-999_999_999.5).success).toBe(true)
  })
})
