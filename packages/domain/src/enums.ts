export const SCHOOL_LEVELS = ['elementary', 'middle', 'high', 'other'] as const
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number]

export const STUDENT_GROUP_CATEGORIES = [
  'all',
  'race_ethnicity',
  'program',
  'gender',
  'intersection',
  'other',
] as const
export type StudentGroupCategory = (typeof STUDENT_GROUP_CATEGORIES)[number]

export const MEASURE_FAMILIES = ['outcome', 'process', 'driver', 'balancing'] as const
export type MeasureFamily = (typeof MEASURE_FAMILIES)[number]

export const MEASURE_UNITS = ['percent', 'rate', 'count', 'score', 'days'] as const
export type MeasureUnit = (typeof MEASURE_UNITS)[number]

/** period: each value describes its own period; to_date: cumulative since the school year started. */
export const MEASURE_ACCUMULATIONS = ['period', 'to_date'] as const
export type MeasureAccumulation = (typeof MEASURE_ACCUMULATIONS)[number]
export const ACCUMULATION_LABELS: Record<MeasureAccumulation, string> = {
  period: 'Per period (this week’s value)',
  to_date: 'Year to date (cumulative within the school year)',
}

export const CADENCES = ['daily', 'weekly', 'monthly', 'term', 'annual'] as const
export type Cadence = (typeof CADENCES)[number]

/** Chart types of the analytics engine (qicharts2 names). */
export const CHART_TYPES = ['run', 'i', 'p', 'pp', 'u', 'up', 'c', 'g', 't'] as const
export type ChartType = (typeof CHART_TYPES)[number]

/** The chart a measure gets unless someone picks another. */
export function defaultChartType(unit: MeasureUnit): ChartType {
  switch (unit) {
    case 'percent':
      return 'p'
    case 'rate':
      return 'u'
    case 'count':
      return 'c'
    case 'score':
    case 'days':
      return 'i'
  }
}

export const REFERENCE_KINDS = ['all_students', 'all_other_students', 'named_group', 'fixed_target'] as const
export type ReferenceKind = (typeof REFERENCE_KINDS)[number]
export const REFERENCE_LABELS: Record<ReferenceKind, string> = {
  all_students: 'All students',
  all_other_students: 'All other students',
  named_group: 'Another student group',
  fixed_target: 'A fixed target',
}

export const GOAL_STATUSES = ['draft', 'active', 'met', 'archived'] as const
export type GoalStatus = (typeof GOAL_STATUSES)[number]

export const DRIVER_KINDS = ['primary', 'secondary'] as const
export type DriverKind = (typeof DRIVER_KINDS)[number]

export const CHANGE_IDEA_STATUSES = ['idea', 'testing', 'adopted', 'adapted', 'abandoned'] as const
export type ChangeIdeaStatus = (typeof CHANGE_IDEA_STATUSES)[number]

export const OBSERVATION_SOURCES = ['manual', 'csv', 'api', 'seed'] as const
export type ObservationSource = (typeof OBSERVATION_SOURCES)[number]
