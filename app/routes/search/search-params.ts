// The search page's URL ↔ the search.cycles input. Unknown or malformed values are dropped (never a 400
// for a hand-edited URL). Not a route module.
import {
  CYCLE_STAGES,
  CYCLE_VERDICT_KINDS,
  type CycleStage,
  type CycleVerdictKindName,
  type SearchCyclesInput,
} from '@pdsa/domain'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const PAGE_SIZE = 50

export interface SearchFilters {
  q: string
  group?: string
  measure?: string
  verdict?: CycleVerdictKindName
  stage?: CycleStage
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && list.includes(v as T) ? (v as T) : undefined

export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const f: SearchFilters = { q: (params.get('q') ?? '').trim().slice(0, 200) }
  const group = params.get('group')
  const measure = params.get('measure')
  if (group && UUID.test(group)) f.group = group
  if (measure && UUID.test(measure)) f.measure = measure
  const verdict = oneOf(CYCLE_VERDICT_KINDS, params.get('verdict'))
  const stage = oneOf(CYCLE_STAGES, params.get('stage'))
  if (verdict) f.verdict = verdict
  if (stage) f.stage = stage
  return f
}

export function paramsFromFilters(f: SearchFilters): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.q) out.q = f.q
  if (f.group) out.group = f.group
  if (f.measure) out.measure = f.measure
  if (f.verdict) out.verdict = f.verdict
  if (f.stage) out.stage = f.stage
  return out
}

export function searchInput(f: SearchFilters): SearchCyclesInput {
  return {
    q: f.q,
    limit: PAGE_SIZE,
    ...(f.group ? { studentGroupId: f.group } : {}),
    ...(f.measure ? { measureId: f.measure } : {}),
    ...(f.verdict ? { verdict: f.verdict } : {}),
    ...(f.stage ? { stage: f.stage } : {}),
  }
}

/** ts_headline's markers (see server/services/search/cycle-search-sql.ts) → text and highlighted parts. */
export function snippetParts(snippet: string): { text: string; hit: boolean; at: number }[] {
  const parts: { text: string; hit: boolean; at: number }[] = []
  let at = 0
  while (at < snippet.length) {
    const start = snippet.indexOf('[[[', at)
    if (start === -1) {
      parts.push({ text: snippet.slice(at), hit: false, at })
      break
    }
    const stop = snippet.indexOf(']]]', start + 3)
    if (stop === -1) {
      parts.push({ text: snippet.slice(at).replace('[[[', ''), hit: false, at })
      break
    }
    if (start > at) parts.push({ text: snippet.slice(at, start), hit: false, at })
    parts.push({ text: snippet.slice(start + 3, stop), hit: true, at: start })
    at = stop + 3
  }
  return parts
}
