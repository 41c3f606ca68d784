// The JSON request / result of `pnpm analyze` (src/cli/analyze.ts), as a pure function so that it
// can be tested and reused without spawning a process. Argument names and meanings follow qicharts2's
// qic(x, y, n, chart, freeze, part, exclude, multiply).

import { z } from 'zod'
import { CHART_TYPES, type ChartType } from '../chart-types.ts'
import { analyzeSeries, type SeriesIssue, validateSeriesValues } from '../series/analyze-series.ts'
import { type AggregatedSeries, aggregatePoints } from './aggregate-points.ts'
import { type PointColumns, pointColumnsOfParsed, readPoints } from './read-points.ts'
import { checkPositions } from './request-positions.ts'

const XSchema = z.union([z.number(), z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'x must be a number or an ISO date (YYYY-MM-DD) / date-time string',
})

/** One point of the request (exported for the test that readPoints accepts exactly the same). */
export const RequestPointSchema = z.strictObject({
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

// The envelope without the points, which readPoints() checks in one loop (zod took ~350 ms on a
// million points, ADR 015); whenever something is refused, the full schema names the problems.
const EnvelopeSchema = AnalyzeRequestSchema.extend({
  points: z.custom<unknown[]>((value) => Array.isArray(value) && value.length > 0),
})

type Envelope = Omit<AnalyzeRequest, 'points'> & { points: readonly unknown[] }
type RequestPoint = AnalyzeRequest['points'][number]

function schemaOutcome(
  raw: unknown,
): { ok: true; request: AnalyzeRequest } | { ok: false; errors: string[] } {
  const parsed = AnalyzeRequestSchema.safeParse(raw)
  if (parsed.success) return { ok: true, request: parsed.data }
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    ),
  }
}

/** The request and its points as columns, or the schema's error messages. */
function parseRequest(
  raw: unknown,
): { ok: true; request: Envelope; columns: PointColumns } | { ok: false; errors: string[] } {
  const envelope = EnvelopeSchema.safeParse(raw)
  if (envelope.success) {
    const columns = readPoints(envelope.data.points)
    if (!('invalidIndex' in columns)) return { ok: true, request: envelope.data, columns }
  }
  const checked = schemaOutcome(raw)
  if (!checked.ok) return checked
  // readPoints accepts exactly what the schema accepts (tested); should they ever disagree, the
  // schema wins and its validated output is read without further checks
  return { ok: true, request: checked.request, columns: pointColumnsOfParsed(checked.request.points) }
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

function describeX(x: number | string): string {
  return typeof x === 'number' ? String(x) : JSON.stringify(x)
}

/** An issue of analyzeSeries / validateSeriesValues, `index` being a row of the request. */
function describeIssue(issue: SeriesIssue, points: readonly unknown[]): string {
  if ((issue.field === 'y' || issue.field === 'n') && issue.index !== undefined) {
    const point = points[issue.index] as RequestPoint
    return `points[${issue.index}].${issue.field} (x = ${describeX(point.x)}): ${issue.message}`
  }
  return issue.index === undefined
    ? `${issue.field}: ${issue.message}`
    : `${issue.field}[${issue.index}]: ${issue.message}`
}

function describeAggregation(series: AggregatedSeries, chart: ChartType): string[] {
  const warnings: string[] = []
  if (series.rowsWithoutDenominator > 0) {
    const rows = series.rowsWithoutDenominator
    warnings.push(
      `${rows} ${rows === 1 ? 'row has' : 'rows have'} a y but no n: missing ${rows === 1 ? 'point' : 'points'} (qicharts2 keeps complete cases only)`,
    )
  }
  if (series.mergedPoints > 0) {
    const how =
      series.n !== undefined
        ? `value = Σy / Σn${chart === 'c' ? ' (the c chart plots Σy)' : ''}`
        : chart === 'c'
          ? 'the sum of y'
          : 'the mean of y'
    warnings.push(
      `${series.mergedPoints} x ${series.mergedPoints === 1 ? 'value has' : 'values have'} several rows (${series.mergedRows} rows): aggregated as qicharts2 does, ${how}`,
    )
  }
  return warnings
}

/**
 * Validates and analyses one request. Points are sorted by x and rows with the same x aggregated
 * as qicharts2 does (aggregate-points.ts); freeze / part / exclude count positions in that sorted,
 * aggregated series, 1-based; positions beyond it are dropped with a warning.
 */
export function analyzeRequest(raw: unknown): AnalyzeRequestOutcome {
  const parsed = parseRequest(raw)
  if (!parsed.ok) return parsed
  const { request, columns } = parsed
  const { points } = request
  if (!columns.isXKindUniform) {
    return { ok: false, errors: ['points.x: all x values must be numbers, or all must be ISO dates'] }
  }
  const chart = request.chart as ChartType
  const series = aggregatePoints(columns, chart)
  // rows that were merged are checked one by one, so that a sum cannot hide a bad row
  if (series.rowCount !== null) {
    const issues = validateSeriesValues(chart, columns.y, columns.hasDenominators ? columns.n : undefined)
    if (issues.length > 0) return { ok: false, errors: issues.map((issue) => describeIssue(issue, points)) }
  }
  const positions = checkPositions(request, series.length)
  if (positions.errors.length > 0) return { ok: false, errors: positions.errors }

  const { firstRow } = series
  const rowOf = (index: number) => (firstRow === null ? index : (firstRow[index] as number))
  const outcome = analyzeSeries({
    chart,
    y: series.y,
    n: series.n,
    freeze: positions.freeze,
    part: positions.part,
    excludedIndices: positions.excludedIndices,
    multiply: request.multiply,
  })
  if (!outcome.ok) {
    const toRow = (issue: SeriesIssue): SeriesIssue =>
      issue.index !== undefined && (issue.field === 'y' || issue.field === 'n')
        ? { ...issue, index: rowOf(issue.index) }
        : issue
    return { ok: false, errors: outcome.issues.map((issue) => describeIssue(toRow(issue), points)) }
  }

  const warnings = [...describeAggregation(series, chart), ...positions.warnings]
  const { analysis } = outcome
  const resultPoints: AnalyzeResultPoint[] = new Array(series.length)
  for (let i = 0; i < series.length; i++) {
    resultPoints[i] = {
      x: columns.x[rowOf(i)] as number | string,
      value: finiteOrNull(analysis.values[i] as number),
      cl: finiteOrNull(analysis.centreLine[i] as number),
      lcl: finiteOrNull(analysis.lowerLimit[i] as number),
      ucl: finiteOrNull(analysis.upperLimit[i] as number),
      sigmaSignal: analysis.sigmaSignal[i] === 1,
      phase: analysis.phase[i] as number,
    }
  }
  const phases: AnalyzeResultPhase[] = analysis.phases.map(({ phase, runs }) => ({
    phase,
    nUseful: runs.nUseful,
    longestRun: runs.longestRun,
    longestRunMax: runs.longestRunMax,
    crossings: runs.crossings,
    crossingsMin: runs.crossingsMin,
    runsSignal: runs.runsSignal,
  }))
  return { ok: true, result: { points: resultPoints, phases }, warnings }
}
