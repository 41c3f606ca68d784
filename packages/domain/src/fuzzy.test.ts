import { describe, expect, it } from 'vitest'
import { fuzzyScore, normalizeForSearch, rankFuzzy, wordSimilarity } from './fuzzy.ts'

describe('wordSimilarity (pg_trgm rule)', () => {
  it('is 1 for equal words and matches pg_trgm on a known pair', () => {
    expect(wordSimilarity('absence', 'absence')).toBe(1)
    // pg_trgm: similarity('word', 'two words') trigrams of "word" = {"  w"," wo","wor","ord","rd "} (5);
    // of "words": {"  w"," wo","wor","ord","rds","ds "} (6); shared 4 → 4 / 7.
    expect(wordSimilarity('word', 'words')).toBeCloseTo(4 / 7, 12)
  })
})

describe('fuzzyScore', () => {
  it('finds "chronic absense" in a measure and a goal about chronic absence', () => {
    expect(fuzzyScore('chronic absense', 'Chronic absence rate')).toBeGreaterThan(0.6)
    expect(fuzzyScore('chronic absense', 'Reduce chronic absence for Black students')).toBeGreaterThan(0.6)
  })

  it('matches word beginnings and ignores case and accents', () => {
    expect(fuzzyScore('abs', 'Chronic absence rate')).toBe(1)
    expect(fuzzyScore('ÉCOLE', 'ecole primaire')).toBe(1)
    expect(normalizeForSearch('Check & Connect — mentoring')).toBe('check connect mentoring')
  })

  it('does not match unrelated words, and needs every query word', () => {
    expect(fuzzyScore('suspension', 'Chronic absence rate')).toBe(0)
    expect(fuzzyScore('chronic suspension', 'Chronic absence rate')).toBe(0)
    expect(fuzzyScore('', 'anything')).toBe(0)
  })
})

describe('rankFuzzy', () => {
  it('ranks exact over typo matches and drops non-matches', () => {
    const items = ['Suspension rate', 'Chronic absense log', 'Chronic absence rate']
    const ranked = rankFuzzy('chronic absence', items, (s) => s, 10).map((r) => r.item)
    expect(ranked).toEqual(['Chronic absence rate', 'Chronic absense log'])
  })
})
