// Top and bottom coding of shares near 0 % or 100 % (education-data.md §4.3, the tiered rule of the
// NCES SLDS brief 2011-603 as used by Utah districts): the larger the group, the closer to 0 % or 100 %
// a share may be shown exactly.
//   n ≥ 300 → "≤ 1 %" / "≥ 99 %";  100–299 → 2 / 98;  40–99 → 5 / 95;  threshold–39 → 10 / 90.

export interface CodingBand {
  bound: 'at_most' | 'at_least'
  /** The percentage the value is released as at most / at least. */
  percent: number
}

/** The band's width in percent for a group of n students (n at or above the threshold). */
export function codingPercent(n: number): number {
  if (n >= 300) return 1
  if (n >= 100) return 2
  if (n >= 40) return 5
  return 10
}

/** How a shown share is released: a band when it lies within the tier's distance of 0 % or 100 %. */
export function codingBand(n: number, numerator: number, threshold: number): CodingBand | null {
  if (!(n >= threshold) || n <= 0) return null
  const percent = codingPercent(n)
  // compare in whole students (numerator × 100 vs percent × n) so that no rounding decides
  if (numerator * 100 <= percent * n) return { bound: 'at_most', percent }
  if (numerator * 100 >= (100 - percent) * n) return { bound: 'at_least', percent: 100 - percent }
  return null
}

/**
 * The numerators a coded cell of n students may have: what an attacker learns from its band. Whole
 * counts (students) round inward; a fractional numerator (student-days averaged) does not.
 */
export function codedNumeratorRange(
  n: number,
  band: CodingBand,
  wholeCounts: boolean,
): { min: number; max: number } {
  const limit = (band.percent * n) / 100
  if (band.bound === 'at_most') return { min: 0, max: wholeCounts ? Math.floor(limit) : limit }
  return { min: wholeCounts ? Math.ceil(limit) : limit, max: n }
}
