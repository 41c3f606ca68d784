import { CYCLE_STAGES, CYCLE_VERDICT_KINDS, type CycleStage } from '@pdsa/domain'
import type { RouterOutputs } from '~/lib/types'

export type PortfolioCycle = RouterOutputs['coach']['portfolio']['cycles'][number]

export const SORTS = ['attention', 'stale', 'recent', 'stage', 'team'] as const
export type PortfolioSort = (typeof SORTS)[number]
export const DEFAULT_SORT: PortfolioSort = 'attention'
export const SORT_LABELS: Record<PortfolioSort, string> = {
  attention: 'Needs attention first',
  stale: 'Longest without an edit',
  recent: 'Most recently edited',
  stage: 'Stage (Plan first)',
  team: 'Team',
}

/** "none": cycles without any computed verdict yet. */
export const VERDICT_FILTERS = [...CYCLE_VERDICT_KINDS, 'none'] as const
export type VerdictFilter = (typeof VERDICT_FILTERS)[number]

export interface PortfolioFilters {
  team?: string
  school?: string
  stage?: CycleStage
  verdict?: VerdictFilter
  attention?: boolean
  sort: PortfolioSort
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && list.includes(v as T) ? (v as T) : undefined

/** The filters and sort of the page, read from its URL (unknown values are ignored). */
export function filtersFromParams(params: URLSearchParams): PortfolioFilters {
  const f: PortfolioFilters = { sort: oneOf(SORTS, params.get('sort')) ?? DEFAULT_SORT }
  const team = params.get('team')
  const school = params.get('school')
  const stage = oneOf(CYCLE_STAGES, params.get('stage'))
  const verdict = oneOf(VERDICT_FILTERS, params.get('verdict'))
  if (team) f.team = team
  if (school) f.school = school
  if (stage) f.stage = stage
  if (verdict) f.verdict = verdict
  if (params.get('attention') === '1') f.attention = true
  return f
}

export function paramsFromFilters(f: PortfolioFilters): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.team) out.team = f.team
  if (f.school) out.school = f.school
  if (f.stage) out.stage = f.stage
  if (f.verdict) out.verdict = f.verdict
  if (f.attention) out.attention = '1'
  if (f.sort !== DEFAULT_SORT) out.sort = f.sort
  return out
}

export const needsAttention = (c: PortfolioCycle) =>
  c.checks.length > 0 || c.openFeedback > 0 || c.awaitingReview > 0

export function applyFilters(cycles: readonly PortfolioCycle[], f: PortfolioFilters): PortfolioCycle[] {
  const kept = cycles.filter(
    (c) =>
      (!f.team || c.team.id === f.team) &&
      (!f.school || c.school.id === f.school) &&
      (!f.stage || c.stage === f.stage) &&
      (!f.attention || needsAttention(c)) &&
      (!f.verdict ||
        (f.verdict === 'none' ? c.verdicts.length === 0 : c.verdicts.some((v) => v.verdict === f.verdict))),
  )
  const byStage = (c: PortfolioCycle) => CYCLE_STAGES.indexOf(c.stage)
  // Open cycles before completed ones, then the longest without an edit.
  const openFirst = (a: PortfolioCycle, b: PortfolioCycle) =>
    Number(a.stage === 'complete') - Number(b.stage === 'complete') || b.daysSinceEdit - a.daysSinceEdit
  const compare: Record<PortfolioSort, (a: PortfolioCycle, b: PortfolioCycle) => number> = {
    attention: (a, b) =>
      Number(needsAttention(b)) - Number(needsAttention(a)) ||
      b.awaitingReview - a.awaitingReview ||
      b.openFeedback - a.openFeedback ||
      b.checks.length - a.checks.length ||
      openFirst(a, b),
    stale: (a, b) => b.daysSinceEdit - a.daysSinceEdit,
    recent: (a, b) => a.daysSinceEdit - b.daysSinceEdit,
    stage: (a, b) => byStage(a) - byStage(b) || b.daysSinceEdit - a.daysSinceEdit,
    team: (a, b) =>
      a.school.name.localeCompare(b.school.name) ||
      a.team.name.localeCompare(b.team.name) ||
      byStage(a) - byStage(b),
  }
  return [...kept].sort((a, b) => compare[f.sort](a, b) || a.title.localeCompare(b.title))
}
