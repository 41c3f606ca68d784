import { describe, expect, it } from 'vitest'
import { pgArray } from './pg-array.ts'

describe('pgArray', () => {
  it('writes UUIDs, dates, numbers and NULL as a PostgreSQL array literal', () => {
    expect(pgArray(['0190f3a2-1111-7000-8000-000000000001', null])).toBe(
      '{0190f3a2-1111-7000-8000-000000000001,NULL}',
    )
    expect(pgArray(['2026-02-02'])).toBe('{2026-02-02}')
    expect(pgArray([1.5, -2, 1e-7, 0])).toBe('{1.5,-2,1e-7,0}')
    expect(pgArray([])).toBe('{}')
  })

  it('refuses anything that would need quoting, so file text can never reach the literal', () => {
    expect(() => pgArray(['a,b'])).toThrow(/unsafe/)
    expect(() => pgArray(['x"}'])).toThrow(/unsafe/)
    expect(() => pgArray([Number.NaN])).toThrow(/unsafe/)
  })
})
