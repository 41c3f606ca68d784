// The JSON request / result of `pnpm analyze` (src/cli/analyze.ts), as a pure function so that it
// can be tested and reused without spawning a process. Argument names and meanings follow qicharts2's
// qic(x, y, n, chart, freeze, part, exclude, multiply).

import { z } from 'zod'
import { CHART_TYPES, type ChartType } from '../chart-types.ts'
import { analyzeSeries, type SeriesIssue } from '../series/analyze-series.ts'

const XSchema = z.union([z.number(), z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'x must be a number or an ISO date (YYYY-MM-DD) / date-time string',
})

const RequestPointSchema = z.strictObject({
  x: XSchema,
  y: z.number().nullable(),
  n: z.number().nullable().optional(),
})

export const AnalyzeRequestSchema = z.strictObject({
  chart: z.enum(CHART_TYPES, { error: (issue) => `unknown chart type ${JSON.stringify(issue.input)}` }),
  points: z.array(RequestPointSchema).min(1, 'points must contain at least one point'),
  freeze: z.int().optional(),
  part: z.array(z.int()).optional(),
  exclude: z.array(z.int()).optional(),
  multiply: z.number().positive('multiply must be a positive number').optional(),
})

export type AnalyzeRequest = z.infer<typeof AnalyzeRequestSchema>

export interface AnalyzeResultPoint {
  x: number | string
  value: number | null
  cl: number | null
  lcl: number | null
  ucl: number | null
  sigmaSignal: boolean
  phase: number
}

export interface AnalyzeResultPhase {
  phase: number
  nUseful: number
  longestRun: number | null
  longestRunMax: number | null
  crossings: number | null
  crossingsMin: number | null
  runsSignal: boolean
}

export interface AnalyzeResult {
  points: AnalyzeResultPoint[]
  phases: AnalyzeResultPhase[]
}

export type AnalyzeRequestOutcome =
  | { ok: true; result: AnalyzeResult; warnings: string[] }
  | { ok: false; errors: string[] }

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

function describeX(x: number | string): string {
  return typeof x === 'number' ? String(x) : JSON.stringify(x)
}

/** Sort key of an x value: the number itself, or milliseconds since the epoch for a date. */
function xKey(x: number | string): number {
  return typeof x === 'number' ? x : Date.parse(x)
}

/**
 * Validates and analyses one request. Points are analysed in ascending x order (qicharts2 sorts
 * subgroups by x); freeze / part / exclude positions count in that order, 1-based.
 */
export function analyzeRequest(raw: unknown): AnalyzeRequestOutcome {
  const parsed = AnalyzeRequestSchema.safeParse(raw)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) =>
        issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      ),
    }
  }
  const request = parsed.data
  const errors: string[] = []
  const count = request.points.length

  const xKinds = new Set(request.points.map((point) => typeof point.x))
  if (xKinds.size > 1) errors.push('points.x: all x values must be numbers, or all must be ISO dates')

  const order = request.points.map((_, index) => index)
  const keys = request.points.map((point) => xKey(point.x))
  order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b)
  for (let k = 1; k < count; k++) {
    const previous = order[k - 1] as number
    const current = order[k] as number
    if (keys[previous] === keys[current]) {
      const x = (request.points[current] as AnalyzeRequest['points'][number]).x
      errors.push(
        `points[${current}].x: duplicate x ${describeX(x)} (also points[${previous}]); send one point per x`,
      )
    }
  }

  if (request.freeze !== undefined && (request.freeze < 1 || request.freeze > count)) {
    errors.push(`freeze: position ${request.freeze} is out of range 1..${count}`)
  }
  request.part?.forEach((position, index) => {
    if (position < 1 || position > count - 1) {
      errors.push(`part[${index}]: position ${position} is out of range 1..${count - 1}`)
    }
  })
  request.exclude?.forEach((position, index) => {
    if (position < 1 || position > count) {
      errors.push(`exclude[${index}]: position ${position} is out of range 1..${count}`)
    }
  })
  if (errors.length > 0) return { ok: false, errors }

  const sortedPoints = order.map((index) => request.points[index] as AnalyzeRequest['points'][number])
  const hasDenominators = request.points.some((point) => point.n !== undefined)
  const outcome = analyzeSeries({
    chart: request.chart as ChartType,
    y: sortedPoints.map((point) => point.y),
    n: hasDenominators ? sortedPoints.map((point) => point.n ?? null) : undefined,
    freeze: request.freeze,
    part: request.part,
    excludedIndices: request.exclude?.map((position) => position - 1),
    multiply: request.multiply,
  })
  if (!outcome.ok) {
    return { ok: false, errors: outcome.issues.map((issue) => describeIssue(issue, order, request)) }
  }

  const warnings: string[] = []
  if (request.freeze !== undefined && request.part !== undefined && request.part.length > 0) {
    warnings.push('freeze is ignored because part is given (qicharts2 behaviour)')
  }
  const { analysis } = outcome
  const points: AnalyzeResultPoint[] = sortedPoints.map((point, i) => ({
    x: point.x,
    value: finiteOrNull(analysis.values[i] as number),
    cl: finiteOrNull(analysis.centreLine[i] as number),
    lcl: finiteOrNull(analysis.lowerLimit[i] as number),
    ucl: finiteOrNull(analysis.upperLimit[i] as number),
    sigmaSignal: analysis.sigmaSignal[i] === 1,
    phase: analysis.phase[i] as number,
  }))
  const phases: AnalyzeResultPhase[] = analysis.phases.map(({ phase, runs }) => ({
    phase,
    nUseful: runs.nUseful,
    longestRun: runs.longestRun,
    longestRunMax: runs.longestRunMax,
    crossings: runs.crossings,
    crossingsMin: runs.crossingsMin,
    runsSignal: runs.runsSignal,
  }))
  return { ok: true, result: { points, phases }, warnings }
}

function describeIssue(issue: SeriesIssue, order: number[], request: AnalyzeRequest): string {
  if ((issue.field === 'y' || issue.field === 'n') && issue.index !== undefined) {
    const original = order[issue.index] as number
    const point = request.points[original] as AnalyzeRequest['points'][number]
    return `points[${original}].${issue.field} (x = ${describeX(point.x)}): ${issue.message}`
  }
  return issue.index === undefined
    ? `${issue.field}: ${issue.message}`
    : `${issue.field}[${issue.index}]: ${issue.message}`
}
