/**
 * Chart types, named as in qicharts2's `qic(chart = )`:
 * - `run` run chart (centre line = median),
 * - `i` individuals (moving-range limits),
 * - `p` proportions, `pp` Laney p′,
 * - `u` rates, `up` Laney u′,
 * - `c` counts,
 * - `g` opportunities between rare events,
 * - `t` time between rare events.
 *
 * A readonly tuple so that other packages can build a zod enum from it: `z.enum(CHART_TYPES)`.
 */
export const CHART_TYPES = ['run', 'i', 'p', 'pp', 'u', 'up', 'c', 'g', 't'] as const

export type ChartType = (typeof CHART_TYPES)[number]

/** Charts whose value is a numerator over a denominator; they need `n` on every point that has a `y`. */
export const CHART_TYPES_REQUIRING_DENOMINATOR: readonly ChartType[] = ['p', 'pp', 'u', 'up']

/** Charts with control limits (every chart except the run chart). */
export function hasControlLimits(chart: ChartType): boolean {
  return chart !== 'run'
}

export function isChartType(value: unknown): value is ChartType {
  return typeof value === 'string' && (CHART_TYPES as readonly string[]).includes(value)
}
