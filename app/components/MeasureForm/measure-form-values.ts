import {
  type Cadence,
  type ChartType,
  defaultChartType,
  defaultMultiplier,
  type MeasureAccumulation,
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
  accumulation: MeasureAccumulation
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

/** What each accumulation means, under the choice. */
export const ACCUMULATION_HELP: Record<MeasureAccumulation, string> = {
  period: 'Each value describes its own period: this week’s attendance rate, this month’s referrals.',
  to_date:
    'Each value is cumulative since the school year started: chronic absence to date, suspensions so far this year. It restarts at the start of every school year.',
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
    accumulation: measure?.accumulation ?? 'period',
    chartType: measure?.chartType ?? defaultChartType(unit),
    multiplier: measure?.multiplier ?? defaultMultiplier(unit),
    isAdverseEvent: measure?.isAdverseEvent ?? false,
    archived: measure?.archived ?? false,
  }
}
