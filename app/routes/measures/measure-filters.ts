import {
  CADENCES,
  type ListMeasuresInput,
  MEASURE_ACCUMULATIONS,
  MEASURE_FAMILIES,
  MEASURE_UNITS,
} from '@pdsa/domain'
import type { MeasureFilterValues } from '~/components/MeasuresTable'

const KEYS = ['search', 'family', 'unit', 'cadence', 'accumulation', 'scope', 'archived'] as const
const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  list.includes(v as T) ? (v as T) : undefined

export function filtersFromParams(params: URLSearchParams): MeasureFilterValues {
  return Object.fromEntries(KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])))
}

/** The measure.list input for the page's filters (unknown values are ignored). */
export function listInput(f: MeasureFilterValues): ListMeasuresInput {
  return {
    includeArchived: f.archived === '1',
    ...(f.search ? { search: f.search.slice(0, 100) } : {}),
    ...(oneOf(MEASURE_FAMILIES, f.family) ? { family: oneOf(MEASURE_FAMILIES, f.family) } : {}),
    ...(oneOf(MEASURE_UNITS, f.unit) ? { unit: oneOf(MEASURE_UNITS, f.unit) } : {}),
    ...(oneOf(CADENCES, f.cadence) ? { cadence: oneOf(CADENCES, f.cadence) } : {}),
    ...(oneOf(MEASURE_ACCUMULATIONS, f.accumulation)
      ? { accumulation: oneOf(MEASURE_ACCUMULATIONS, f.accumulation) }
      : {}),
    ...(oneOf(['district', 'school'] as const, f.scope)
      ? { scope: oneOf(['district', 'school'] as const, f.scope) }
      : {}),
  }
}
