// The district's measures library (education-data.md §2), plus the storyline process and balancing
// measures. Denominators are counted in students wherever possible, so the n used for privacy
// suppression is the number of students behind a value.
import type { Cadence, ChartType, MeasureAccumulation, MeasureFamily, MeasureUnit } from '@pdsa/domain'

export interface DemoMeasure {
  code: MeasureCode
  name: string
  description: string
  family: MeasureFamily
  unit: MeasureUnit
  numeratorDefinition: string
  denominatorDefinition: string
  higherIsBetter: boolean
  cadence: Cadence
  /** to_date: the value is cumulative since the school year started (rises through the year). */
  accumulation: MeasureAccumulation
  chartType: ChartType
  multiplier: number
  isAdverseEvent: boolean
  /** null: the district library; set: a school's own measure. */
  schoolCode: string | null
}

export const MEASURE_CODES = [
  'CHRONIC_ABS',
  'AT_RISK_ABS',
  'ATTEND_RATE',
  'SUSP_RATE',
  'ODR_RATE',
  'DF_RATE',
  'ONTRACK_9',
  'ELA_DFS',
  'OSS_WEEKLY',
  'FAMILY_CONTACT_48H',
  'RESTORATIVE_CONF',
  'TARDY_RATE',
  'ISS_DAYS',
  'DF9_WEEKLY',
  'TUTORING_ATTEND',
] as const
export type MeasureCode = (typeof MEASURE_CODES)[number]

/** Students must have been enrolled this many days before they count in the chronic-absence rate. */
export const CHRONIC_MIN_ENROLLED_DAYS = 30

type Definition = Omit<DemoMeasure, 'code' | 'schoolCode' | 'accumulation'> & { schoolCode?: string }

/** Measures whose value is cumulative within the school year ("to date"); every other one is per period. */
const TO_DATE_MEASURES: ReadonlySet<MeasureCode> = new Set(['CHRONIC_ABS', 'AT_RISK_ABS', 'SUSP_RATE'])

const DEFINITIONS: Record<MeasureCode, Definition> = {
  CHRONIC_ABS: {
    name: 'Chronic absence rate (to date)',
    description:
      'Share of students who have missed 10% or more of their enrolled days so far this school year. Excused, unexcused and out-of-school suspension days all count. Recomputed every week from the student information system.',
    family: 'outcome',
    unit: 'percent',
    numeratorDefinition:
      'Students absent on at least 10% of the days they have been enrolled so far this year',
    denominatorDefinition: `Students enrolled at least ${CHRONIC_MIN_ENROLLED_DAYS} instructional days so far this year`,
    higherIsBetter: false,
    cadence: 'weekly',
    chartType: 'p',
    multiplier: 100,
    isAdverseEvent: true,
  },
  AT_RISK_ABS: {
    name: 'At risk of chronic absence (to date)',
    description:
      'Share of students who have missed 5–9.9% of their enrolled days so far: the "approaching" band an attendance team works from before students become chronically absent.',
    family: 'driver',
    unit: 'percent',
    numeratorDefinition: 'Students absent on 5% to 9.9% of the days they have been enrolled so far this year',
    denominatorDefinition: `Students enrolled at least ${CHRONIC_MIN_ENROLLED_DAYS} instructional days so far this year`,
    higherIsBetter: false,
    cadence: 'weekly',
    chartType: 'p',
    multiplier: 100,
    isAdverseEvent: false,
  },
  ATTEND_RATE: {
    name: 'Attendance rate (weekly)',
    description:
      'Average daily attendance as a share of students enrolled that week. The denominator is students (not student-days), so small groups are suppressed by their size.',
    family: 'outcome',
    unit: 'percent',
    numeratorDefinition:
      'Average daily attendance: student-days present this week ÷ instructional days this week',
    denominatorDefinition: 'Students enrolled on at least one day this week',
    higherIsBetter: true,
    cadence: 'weekly',
    chartType: 'p',
    multiplier: 100,
    isAdverseEvent: false,
  },
  SUSP_RATE: {
    name: 'Suspension rate (to date)',
    description:
      'California Dashboard definition: unduplicated students suspended (in-school or out-of-school) for a cumulative total of at least one full day this year, over cumulative enrollment. Rises through the year by construction; compare with the same week of earlier years.',
    family: 'outcome',
    unit: 'percent',
    numeratorDefinition:
      'Unduplicated students with at least one full day of suspension (ISS + OSS) so far this year',
    denominatorDefinition: 'Cumulative enrollment: students enrolled on any day so far this year',
    higherIsBetter: false,
    cadence: 'weekly',
    chartType: 'p',
    multiplier: 100,
    isAdverseEvent: true,
  },
  ODR_RATE: {
    name: 'Office discipline referrals per 100 students per day',
    description:
      'SWIS-style referral rate. The numerator is the average number of referrals per instructional day that week, the denominator the students enrolled, so the value reads "referrals per 100 students per day".',
    family: 'driver',
    unit: 'rate',
    numeratorDefinition: 'Office discipline referrals this week ÷ instructional days this week',
    denominatorDefinition: 'Students enrolled on at least one day this week',
    higherIsBetter: false,
    cadence: 'weekly',
    chartType: 'u',
    multiplier: 100,
    isAdverseEvent: false,
  },
  DF_RATE: {
    name: 'D/F rate in core courses',
    description:
      'Share of students in grades 6–12 with at least one D or F in English, math, science or social studies at the progress report (every six weeks; the third and sixth are semester grades).',
    family: 'outcome',
    unit: 'percent',
    numeratorDefinition: 'Students with one or more D or F marks in a core course at the progress report',
    denominatorDefinition: 'Students enrolled in at least one core course at the progress report',
    higherIsBetter: false,
    cadence: 'term',
    chartType: 'p',
    multiplier: 100,
    isAdverseEvent: true,
  },
  ONTRACK_9: {
    name: '9th-grade on-track',
    description:
      'Chicago on-track indicator, predicted at each progress report: first-time 9th graders on pace for at least 5 full-year credits with no more than one semester F in a core course.',
    family: 'outcome',
    unit: 'percent',
    numeratorDefinition:
      'First-time 9th graders with at most one semester F in a core course and on pace for 5 credits',
    denominatorDefinition: 'First-time 9th graders enrolled at the progress report',
    higherIsBetter: true,
    cadence: 'term',
    chartType: 'p',
    multiplier: 100,
    isAdverseEvent: false,
  },
  ELA_DFS: {
    name: 'ELA distance from standard (CAASPP)',
    description:
      'Average scale-score points above (+) or below (−) the Level 3 "Standard Met" cut in English language arts, grades 3–8 and 11. Annual; shown in the fall week the results are released.',
    family: 'outcome',
    unit: 'score',
    numeratorDefinition:
      'Sum over tested students of (scale score − lowest Level 3 scale score for the grade)',
    denominatorDefinition: 'Continuously enrolled students with a valid ELA score',
    higherIsBetter: true,
    cadence: 'annual',
    chartType: 'i',
    multiplier: 1,
    isAdverseEvent: false,
  },
  OSS_WEEKLY: {
    name: 'Out-of-school suspensions per 100 students (weekly)',
    description:
      'Out-of-school suspension incidents issued this week per 100 students enrolled. Responds within the week, unlike the year-to-date suspension rate.',
    family: 'driver',
    unit: 'rate',
    numeratorDefinition: 'Out-of-school suspension incidents issued this week',
    denominatorDefinition: 'Students enrolled on at least one day this week',
    higherIsBetter: false,
    cadence: 'weekly',
    chartType: 'u',
    multiplier: 100,
    isAdverseEvent: false,
  },
  FAMILY_CONTACT_48H: {
    name: 'Flagged students with a family contact within 48 hours',
    description:
      'Of the students flagged by the weekly attendance list (a second absence in the week, or crossing 10% absent to date), the share whose family was reached by phone, text or home visit within 48 hours. Logged by the attendance team.',
    family: 'process',
    unit: 'percent',
    numeratorDefinition: 'Flagged students whose family was reached within 48 hours of the flag',
    denominatorDefinition: 'Students flagged on the weekly attendance list',
    higherIsBetter: true,
    cadence: 'weekly',
    chartType: 'p',
    multiplier: 100,
    isAdverseEvent: false,
  },
  RESTORATIVE_CONF: {
    name: 'Restorative conferences held',
    description:
      'Restorative conferences (student, staff member affected, family when possible) held this week, from the deans\u2019 log.',
    family: 'process',
    unit: 'count',
    numeratorDefinition: 'Restorative conferences held this week',
    denominatorDefinition: '',
    higherIsBetter: true,
    cadence: 'weekly',
    chartType: 'c',
    multiplier: 1,
    isAdverseEvent: false,
  },
  TARDY_RATE: {
    name: 'First-period tardies per 100 students per day',
    description:
      'Balancing measure for attendance outreach: students coaxed back to school should not simply arrive late instead.',
    family: 'balancing',
    unit: 'rate',
    numeratorDefinition: 'First-period tardies this week ÷ instructional days this week',
    denominatorDefinition: 'Students enrolled on at least one day this week',
    higherIsBetter: false,
    cadence: 'weekly',
    chartType: 'u',
    multiplier: 100,
    isAdverseEvent: false,
  },
  ISS_DAYS: {
    name: 'In-school suspension days',
    description:
      'Balancing measure for alternatives to out-of-school suspension: total in-school suspension days assigned this week.',
    family: 'balancing',
    unit: 'days',
    numeratorDefinition: 'In-school suspension days assigned this week',
    denominatorDefinition: '',
    higherIsBetter: false,
    cadence: 'weekly',
    chartType: 'i',
    multiplier: 1,
    isAdverseEvent: false,
  },
  DF9_WEEKLY: {
    name: '9th graders with a D or F (weekly gradebook)',
    description:
      'Lakeside High 9th-grade team measure: share of 9th graders with at least one D or F in a core course in Friday\u2019s gradebook export.',
    family: 'driver',
    unit: 'percent',
    numeratorDefinition:
      '9th graders with one or more D or F marks in a core course in the Friday gradebook export',
    denominatorDefinition: '9th graders enrolled that week',
    higherIsBetter: false,
    cadence: 'weekly',
    chartType: 'p',
    multiplier: 100,
    isAdverseEvent: true,
    schoolCode: 'LHS',
  },
  TUTORING_ATTEND: {
    name: 'Flagged 9th graders attending the tutoring block',
    description:
      'Lakeside High process measure: of the 9th graders on the D/F list that week, the share who attended at least two tutoring-block sessions.',
    family: 'process',
    unit: 'percent',
    numeratorDefinition: 'Flagged 9th graders who attended two or more tutoring-block sessions this week',
    denominatorDefinition: '9th graders on this week\u2019s D/F list',
    higherIsBetter: true,
    cadence: 'weekly',
    chartType: 'p',
    multiplier: 100,
    isAdverseEvent: false,
    schoolCode: 'LHS',
  },
}

export const MEASURES: readonly DemoMeasure[] = MEASURE_CODES.map((code) => {
  const { schoolCode, ...rest } = DEFINITIONS[code]
  const accumulation: MeasureAccumulation = TO_DATE_MEASURES.has(code) ? 'to_date' : 'period'
  return { code, ...rest, accumulation, schoolCode: schoolCode ?? null }
})

export function measureByCode(code: MeasureCode): DemoMeasure {
  const measure = MEASURES.find((m) => m.code === code)
  if (!measure) throw new Error(`Unknown measure ${code}`)
  return measure
}
