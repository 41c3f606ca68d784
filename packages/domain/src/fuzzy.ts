// Typo-tolerant matching for the command palette and quick search (ADR 026): word trigram similarity, the
// rule of PostgreSQL's pg_trgm `word_similarity` (a word padded with two spaces before and one after,
// split into three-letter pieces; similarity = shared pieces / all pieces), so "chronic absense" finds
// "Chronic absence rate". Pure, so the server ranks records and the browser ranks pages the same way.

/** Lower case, accents removed, anything but letters and digits a space. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `
  const out = new Set<string>()
  for (let i = 0; i + 3 <= padded.length; i += 1) out.add(padded.slice(i, i + 3))
  return out
}

/** pg_trgm's similarity of two single words, 0…1. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1
  const ta = trigrams(a)
  const tb = trigrams(b)
  let shared = 0
  for (const t of ta) if (tb.has(t)) shared += 1
  return shared / (ta.size + tb.size - shared)
}

/** A query word matches a text word this well at least, or it does not match. */
export const FUZZY_WORD_THRESHOLD = 0.4

/**
 * How well `text` matches `query`, 0…1 (0: no match). Every query word must match some word of the text:
 * exactly or as its beginning (1, "abs" finds "absence"), or by trigram similarity at least
 * FUZZY_WORD_THRESHOLD (a typo). The score is the mean of the query words' best matches.
 */
export function fuzzyScore(query: string, text: string): number {
  const q = normalizeForSearch(query).split(' ').filter(Boolean)
  if (q.length === 0) return 0
  const words = normalizeForSearch(text).split(' ').filter(Boolean)
  if (words.length === 0) return 0
  let total = 0
  for (const qw of q) {
    let best = 0
    for (const w of words) {
      const s = w.startsWith(qw) ? 1 : qw.length < 3 ? 0 : wordSimilarity(qw, w)
      if (s > best) best = s
      if (best === 1) break
    }
    if (best < FUZZY_WORD_THRESHOLD) return 0
    total += best
  }
  return total / q.length
}

/** The items that match, best first (ties keep their order), at most `limit`. */
export function rankFuzzy<T>(query: string, items: readonly T[], textOf: (item: T) => string, limit: number) {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, textOf(item)) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
}
