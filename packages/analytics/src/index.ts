// @pdsa/analytics: the statistics engine (pure TypeScript, no I/O). See README.md.

export {
  CHART_TYPES,
  CHART_TYPES_REQUIRING_DENOMINATOR,
  type ChartType,
  hasControlLimits,
  isChartType,
} from './chart-types.ts'
export {
  type EquityGapInput,
  type EquityGapPeriod,
  equityGap,
  GAP_VERDICTS,
  type GapAnalysis,
  type GapAnalysisOutcome,
  type GapMetric,
  type GapPoint,
  type GapVerdictKind,
  type GroupCell,
  type ReferenceKind,
} from './equity/equity-gap.ts'
export { minimumCrossings, symmetricBinomialQuantile } from './numeric/binomial-quantile.ts'
export {
  type CellRelease,
  DEFAULT_PROTECTION_WIDTH,
  type DecideSeriesReleaseInput,
  decideSeriesRelease,
  type HiddenReason,
  type NumeratorKind,
  otherThanCellId,
  type ReleaseCell,
  type ReleaseGroup,
  type ReleaseGroupCategory,
  type ReleaseOptions,
  type ReleaseRule,
  type ReleaseTableInput,
  type SeriesRelease,
  schoolYearOf,
} from './privacy/release.ts'
export {
  type AdditiveRelation,
  DEFAULT_SUPPRESSION_THRESHOLD,
  findRecoverableCells,
  hasSingleSuppressedCell,
  type MaskedCell,
  maskSuppressedCells,
  maskSuppressedValues,
  type SuppressedCell,
  type SuppressionCell,
  type SuppressionInput,
  type SuppressionOutcome,
  type SuppressionReason,
  type SuppressionResult,
  suppressCells,
} from './privacy/suppress-cells.ts'
export {
  type CodingBand,
  codedNumeratorRange,
  codingBand,
  codingPercent,
} from './privacy/top-bottom-coding.ts'
export {
  type AnalyzeRequest,
  type AnalyzeRequestOutcome,
  AnalyzeRequestSchema,
  type AnalyzeResult,
  type AnalyzeResultPhase,
  type AnalyzeResultPoint,
  analyzeRequest,
} from './request/analyze-request.ts'
export {
  type VerdictAnswer,
  type VerdictRequest,
  type VerdictRequestItem,
  VerdictRequestItemSchema,
  type VerdictRequestOutcome,
  VerdictRequestSchema,
  verdictRequest,
} from './request/verdict-request.ts'
export {
  analyzeSeries,
  type PhaseAnalysis,
  type SeriesAnalysis,
  type SeriesInput,
  type SeriesIssue,
  type SeriesPoint,
  type SeriesResult,
  seriesAnalysisPoints,
} from './series/analyze-series.ts'
export {
  criticalOverdispersionRatio,
  laneyChartFor,
  OVERDISPERSION_TEST_LEVEL,
  type OverdispersionInput,
  type OverdispersionResult,
  overdispersion,
} from './series/overdispersion.ts'
export {
  analyzeRuns,
  IHI_SHIFT_LENGTH,
  IHI_TREND_LENGTH,
  type IhiRule,
  type IhiSignal,
  type RunsAnalysis,
} from './series/runs-analysis.ts'
export {
  type Accumulation,
  type ComparisonSeries,
  CYCLE_VERDICTS,
  type CycleVerdict,
  type CycleVerdictInput,
  type CycleVerdictKind,
  type CycleVerdictOutcome,
  cycleVerdict,
  type MeasureCadence,
  type MeasureDefinition,
  type Observation,
  type PriorCycle,
  VERDICT_METHOD_KINDS,
  type VerdictMethod,
  type VerdictMethodKind,
} from './verdict/cycle-verdict.ts'
export {
  type BaselineSummary,
  type ChangeDirection,
  type ChangeReason,
  type ChangeRule,
  type ChangeSummary,
  MIN_BASELINE_POINTS,
  MIN_EVALUATION_POINTS,
  type PeriodSummary,
  type PointsNeeded,
} from './verdict/judge-change.ts'
export { MIN_POINTS_BEYOND_LIMITS } from './verdict/judge-contrast.ts'
export type { CycleWindow } from './verdict/periods.ts'
export {
  DEFAULT_SCHOOL_YEAR_START,
  type ExpectedValues,
  expectedValuesInWindow,
} from './verdict/school-calendar.ts'
