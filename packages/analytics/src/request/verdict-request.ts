// The `{"verdicts": [...]}` request of `pnpm analyze` (src/cli/analyze.ts): cycle verdicts for any
// tool to check, as a pure function. Each item is one cycle × measure; answers come in the same order.
// See packages/analytics/README.md "Verdict requests".

import { z } from 'zod'
import { CHART_TYPES, type ChartType } from '../chart-types.ts'
import { type CycleVerdict, cycleVerdict, type Observation } from '../verdict/cycle-verdict.ts'

const IsoDate = z.iso.date({ error: 'must be an ISO date (YYYY-MM-DD)' })

const VerdictPointSchema = z.strictObject({
  x: IsoDate,
  y: z.number().nullable(),
  n: z.number().nonnegative('n must not be negative').nullable().optional(),
})

const PointsSchema = z.array(VerdictPointSchema)

export const VerdictRequestItemSchema = z.strictObject({
  measure: z.strictObject({
    chart: z.enum(CHART_TYPES, { error: (issue) => `unknown chart type ${JSON.stringify(issue.input)}` }),
    higherIsBetter: z.boolean({ error: 'higherIsBetter must be true or false' }),
    accumulation: z
      .enum(['period', 'to_date'], { error: 'accumulation must be "period" or "to_date"' })
      .optional(),
    cadence: z
      .enum(['daily', 'weekly', 'monthly', 'term', 'annual'], {
        error: 'cadence must be daily, weekly, monthly, term or annual',
      })
      .optional(),
    schoolYearStart: z
      .string()
      .regex(/^\d{2}-\d{2}$/, 'schoolYearStart must be MM-DD')
      .optional(),
    multiplier: z.number().positive('multiplier must be a positive number').optional(),
  }),
  points: PointsSchema,
  comparison: z.array(z.strictObject({ id: z.string().optional(), points: PointsSchema })).optional(),
  window: z.strictObject({ start: IsoDate, end: IsoDate }),
  lagDays: z.int().nonnegative('lagDays must be a non-negative whole number').optional(),
  priorCycles: z
    .array(
      z.strictObject({
        start: IsoDate,
        end: IsoDate,
        decision: z.enum(['adopt', 'adapt', 'abandon']).nullable(),
        lagDays: z.int().nonnegative().optional(),
      }),
    )
    .optional(),
  /** The cycle has ended (its not-enough-data verdict is final). Default false. */
  isFinal: z.boolean().optional(),
})

export const VerdictRequestSchema = z.strictObject({
  verdicts: z.array(VerdictRequestItemSchema),
})

export type VerdictRequest = z.infer<typeof VerdictRequestSchema>
export type VerdictRequestItem = z.infer<typeof VerdictRequestItemSchema>

export type VerdictAnswer = Pick<CycleVerdict, 'verdict' | 'method' | 'baseline' | 'reasons' | 'message'>

export type VerdictRequestOutcome =
  | { ok: true; result: { verdicts: VerdictAnswer[] } }
  | { ok: false; errors: string[] }

type RequestPoint = z.infer<typeof VerdictPointSchema>

function observationsOf(points: readonly RequestPoint[], usesRatio: boolean): Observation[] {
  return points.map((point) =>
    usesRatio
      ? { period: point.x, numerator: point.y, denominator: point.n ?? null }
      : { period: point.x, value: point.y },
  )
}

/** Validates the request and answers every item, or lists every error (nothing is answered then). */
export function verdictRequest(raw: unknown): VerdictRequestOutcome {
  const parsed = VerdictRequestSchema.safeParse(raw)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) =>
        issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      ),
    }
  }
  const errors: string[] = []
  const verdicts: VerdictAnswer[] = []
  parsed.data.verdicts.forEach((item, index) => {
    const chart = item.measure.chart as ChartType
    const hasN = (points: readonly RequestPoint[]) => points.some((point) => point.n !== undefined)
    const usesRatio = hasN(item.points) || (item.comparison ?? []).some((other) => hasN(other.points))
    const outcome = cycleVerdict({
      measure: {
        chartType: chart,
        higherIsBetter: item.measure.higherIsBetter,
        accumulation: item.measure.accumulation,
        cadence: item.measure.cadence,
        schoolYearStart: item.measure.schoolYearStart,
        multiplier: item.measure.multiplier,
      },
      observations: observationsOf(item.points, usesRatio),
      comparison: item.comparison?.map((other, k) => ({
        id: other.id ?? String(k),
        observations: observationsOf(other.points, usesRatio),
      })),
      cycle: { start: item.window.start, end: item.window.end, lagDays: item.lagDays },
      priorCycles: item.priorCycles,
      isFinal: item.isFinal,
    })
    if (!outcome.ok) {
      for (const issue of outcome.issues) {
        errors.push(`verdicts.${index}: ${issue.replace(/(^|\.| )observations(?=\[|\.| )/g, '$1points')}`)
      }
      return
    }
    verdicts.push({
      verdict: outcome.verdict,
      method: outcome.method,
      baseline: outcome.baseline,
      reasons: outcome.reasons,
      message: outcome.message,
    })
  })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, result: { verdicts } }
}
