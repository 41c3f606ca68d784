import {
  type Cadence,
  type ChartType,
  defaultChartType,
  defaultMultiplier,
  type MeasureFamily,
  type MeasureUnit,
} from '@pdsa/domain'
import type { RouterOutputs } from '~/lib/types'

export type MeasureForEdit = RouterOutputs['measure']['byId']

export interface MeasureFormValues {
  /** '' for the district library, else a school id. */
  scope: string
  code: string
  name: string
  description: string
  family: MeasureFamily
  unit: MeasureUnit
  numeratorDefinition: string
  denominatorDefinition: string
  higherIsBetter: 'true' | 'false'
  cadence: Cadence
  chartType: ChartType
  multiplier: number | string
  isAdverseEvent: boolean
  archived: boolean
}

export const UNIT_HELP: Record<MeasureUnit, string> = {
  percent: 'A share of students: a numerator over a denominator, shown as 0–100%.',
  rate: 'Events per student or per 100 students, e.g. suspensions per 100 enrolled.',
  count: 'A number of events, e.g. office referrals in a week.',
  score: 'An average or a scale score, e.g. mean reading score.',
  days: 'A number of days, e.g. average days absent.',
}

export function initialValues(measure: MeasureForEdit | null, defaultScope: string): MeasureFormValues {
  const unit = measure?.unit ?? 'percent'
  return {
    scope: measure?.school?.id ?? defaultScope,
    code: measure?.code ?? '',
    name: measure?.name ?? '',
    description: measure?.description ?? '',
    family: measure?.family ?? 'outcome',
    unit,
    numeratorDefinition: measure?.numeratorDefinition ?? '',
    denominatorDefinition: measure?.denominatorDefinition ?? '',
    higherIsBetter: measure ? (measure.higherIsBetter ? 'true' : 'false') : 'true',
    cadence: measure?.cadence ?? 'weekly',
    chartType: measure?.chartType ?? defaultChartType(unit),
    multiplier: measure?.multiplier ?? defaultMultiplier(unit),
    isAdverseEvent: measure?.isAdverseEvent ?? false,
    archived: measure?.archived ?? false,
  }
}
