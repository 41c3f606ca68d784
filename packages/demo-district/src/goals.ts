// The plan cascade: three LCAP goals, and each school's SPSA equity goals as aim statements whose
// baselines are read from the simulated data. Two misalignments are seeded on purpose:
// Juniper has no goal naming students with disabilities although their suspension rate is "red",
// and Foothill's chronic-absence target rises while the district's falls. Evergreen's goal is
// aligned to no district goal.
import type { GoalStatus, ReferenceKind } from '@pdsa/domain'
import type { DemoCalendar, YearKey } from './calendar.ts'
import { ELA_DFS } from './config.ts'
import { addDays, isoDate, monthName, timestamp } from './dates.ts'
import type { DriverTemplate } from './drivers.ts'
import { formatValue, round1 } from './format.ts'
import { type MeasureCode, measureByCode } from './measures.ts'
import { EQUITY_DIRECTOR, emailFor, principalOf, SUPERINTENDENT, teamPersonEmail } from './people.ts'
import { schoolName } from './schools.ts'
import type { SeriesIndex } from './series-index.ts'
import { GROUP_PHRASE, type GroupCode } from './student-groups.ts'
import type { DemoDistrictGoal, DemoEquityGoal } from './types.ts'

export function buildDistrictGoals(calendar: DemoCalendar): DemoDistrictGoal[] {
  const startYear = calendar.years.Y1.startYear
  const endYear = calendar.years.Y3.startYear + 1
  const span = `${startYear}–${String(endYear % 100).padStart(2, '0')}`
  return [
    {
      code: 'LCAP 1',
      title:
        'Every student reads, writes and computes at grade level and graduates college- and career-ready',
      description: `LCAP ${span} Goal 1 (broad goal; state priorities 2, 4, 7, 8). Metrics: ELA and math distance from standard, with the gap for English learners, students with disabilities and Black students narrowing by 15 points; 9th-grade on-track; D/F rates; a–g completion; College/Career Indicator.`,
      ownerEmail: emailFor(SUPERINTENDENT[0]),
      startYear,
      endYear,
    },
    {
      code: 'LCAP 2',
      title: 'Students are present and engaged every day',
      description: `LCAP ${span} Goal 2 (focus goal; state priority 5). Reduce chronic absence by 5 points overall and by 8 points for Black, socioeconomically disadvantaged and homeless students by June ${endYear}; attendance rate above 95%.`,
      ownerEmail: emailFor(EQUITY_DIRECTOR[0]),
      startYear,
      endYear,
    },
    {
      code: 'LCAP 3',
      title: 'Safe, welcoming and inclusive schools',
      description: `LCAP ${span} Goal 3 (broad goal; state priority 6). Suspension rate at or below 3% for every school, and a suspension risk ratio for Black students at or below 2.0; fewer office referrals; climate survey belonging.`,
      ownerEmail: emailFor(EQUITY_DIRECTOR[0]),
      startYear,
      endYear,
    },
  ]
}

interface GoalSpec {
  key: string
  schoolCode: string
  teamKey: string | null
  title: string
  measure: MeasureCode
  focal: GroupCode
  reference: ReferenceKind
  /** The year whose year-end value (or, for annual results, whose tested results) is the baseline. */
  baselineYear: Extract<YearKey, 'Y1' | 'Y2'>
  /** Target = baseline + delta (in the measure's unit). */
  delta: number
  /** Target gap = baseline gap × this factor (null: no gap target). */
  gapFactor: number | null
  districtGoals: string[]
  template: DriverTemplate
  status?: GoalStatus
}

export const GOAL_SPECS: readonly GoalSpec[] = [
  {
    key: 'arr-chronic-sed',
    schoolCode: 'ARR',
    teamKey: 'arr-attendance',
    title: 'Cut chronic absence for socioeconomically disadvantaged students',
    measure: 'CHRONIC_ABS',
    focal: 'SED',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: -6,
    gapFactor: 0.5,
    districtGoals: ['LCAP 2'],
    template: 'attendance',
  },
  {
    key: 'arr-ela-el',
    schoolCode: 'ARR',
    teamKey: null,
    title: 'Raise ELA achievement for English learners',
    measure: 'ELA_DFS',
    focal: 'EL',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: 15,
    gapFactor: 0.5,
    districtGoals: ['LCAP 1'],
    template: 'literacy',
    status: 'draft',
  },
  {
    key: 'bay-chronic-sed',
    schoolCode: 'BAY',
    teamKey: 'bay-attendance',
    title: 'Reduce chronic absence for socioeconomically disadvantaged students',
    measure: 'CHRONIC_ABS',
    focal: 'SED',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: -6,
    gapFactor: 0.5,
    districtGoals: ['LCAP 2'],
    template: 'attendance',
  },
  {
    key: 'bay-ela-aa',
    schoolCode: 'BAY',
    teamKey: 'bay-literacy',
    title: 'Raise ELA achievement for Black students',
    measure: 'ELA_DFS',
    focal: 'AA',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: 15,
    gapFactor: 0.5,
    districtGoals: ['LCAP 1'],
    template: 'literacy',
  },
  {
    key: 'ced-ela-swd',
    schoolCode: 'CED',
    teamKey: 'ced-literacy',
    title: 'Raise ELA achievement for students with disabilities',
    measure: 'ELA_DFS',
    focal: 'SWD',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: 15,
    gapFactor: 0.5,
    districtGoals: ['LCAP 1'],
    template: 'literacy',
  },
  {
    key: 'del-chronic-aa',
    schoolCode: 'DEL',
    teamKey: 'del-attendance',
    title: 'Reduce chronic absence among Black students',
    measure: 'CHRONIC_ABS',
    focal: 'AA',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: -8,
    gapFactor: 0.5,
    districtGoals: ['LCAP 2'],
    template: 'attendance',
  },
  {
    key: 'evg-attend-el',
    schoolCode: 'EVG',
    teamKey: 'evg-el',
    title: 'Raise weekly attendance of English learners',
    measure: 'ATTEND_RATE',
    focal: 'EL',
    reference: 'all_other_students',
    baselineYear: 'Y2',
    delta: 1.5,
    gapFactor: 0.5,
    districtGoals: [],
    template: 'attendance',
  },
  {
    key: 'fth-chronic-all',
    schoolCode: 'FTH',
    teamKey: 'fth-attendance',
    title: 'Keep chronic absence below 20%',
    measure: 'CHRONIC_ABS',
    focal: 'ALL',
    reference: 'fixed_target',
    baselineYear: 'Y2',
    delta: 1.8,
    gapFactor: null,
    districtGoals: ['LCAP 2'],
    template: 'attendance',
  },
  {
    key: 'gve-chronic-sed',
    schoolCode: 'GVE',
    teamKey: null,
    title: 'Reduce chronic absence for socioeconomically disadvantaged students',
    measure: 'CHRONIC_ABS',
    focal: 'SED',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: -5,
    gapFactor: 0.5,
    districtGoals: ['LCAP 2'],
    template: 'attendance',
  },
  {
    key: 'gve-ela-el',
    schoolCode: 'GVE',
    teamKey: 'gve-literacy',
    title: 'Raise ELA achievement for English learners',
    measure: 'ELA_DFS',
    focal: 'EL',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: 12,
    gapFactor: 0.5,
    districtGoals: ['LCAP 1'],
    template: 'literacy',
  },
  {
    key: 'hms-chronic-aa',
    schoolCode: 'HMS',
    teamKey: 'hms-attendance',
    title: 'Reduce chronic absence among Black students',
    measure: 'CHRONIC_ABS',
    focal: 'AA',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: -11,
    gapFactor: 0.5,
    districtGoals: ['LCAP 2'],
    template: 'attendance',
  },
  {
    key: 'hms-chronic-sed',
    schoolCode: 'HMS',
    teamKey: 'hms-attendance',
    title: 'Reduce chronic absence among socioeconomically disadvantaged students',
    measure: 'CHRONIC_ABS',
    focal: 'SED',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: -6,
    gapFactor: 0.5,
    districtGoals: ['LCAP 2'],
    template: 'attendance',
  },
  {
    key: 'hms-susp-aa',
    schoolCode: 'HMS',
    teamKey: 'hms-climate',
    title: 'Reduce suspensions of Black students',
    measure: 'SUSP_RATE',
    focal: 'AA',
    reference: 'all_other_students',
    baselineYear: 'Y2',
    delta: -5,
    gapFactor: 0.5,
    districtGoals: ['LCAP 3'],
    template: 'discipline',
  },
  {
    key: 'ihm-df-swd',
    schoolCode: 'IHM',
    teamKey: 'ihm-math',
    title: 'Fewer D and F marks for students with disabilities',
    measure: 'DF_RATE',
    focal: 'SWD',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: -8,
    gapFactor: 0.5,
    districtGoals: ['LCAP 1'],
    template: 'courses',
  },
  {
    key: 'ihm-chronic-hi',
    schoolCode: 'IHM',
    teamKey: 'ihm-attendance',
    title: 'Reduce chronic absence among Latino students',
    measure: 'CHRONIC_ABS',
    focal: 'HI',
    reference: 'all_other_students',
    baselineYear: 'Y2',
    delta: -4,
    gapFactor: 0.5,
    districtGoals: ['LCAP 2'],
    template: 'attendance',
  },
  {
    key: 'jms-susp-aa',
    schoolCode: 'JMS',
    teamKey: 'jms-pbis',
    title: 'Reduce suspensions of Black students',
    measure: 'SUSP_RATE',
    focal: 'AA',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: -5,
    gapFactor: 0.5,
    districtGoals: ['LCAP 3'],
    template: 'discipline',
  },
  {
    key: 'jms-chronic-hi',
    schoolCode: 'JMS',
    teamKey: 'jms-attendance',
    title: 'Reduce chronic absence among Latino students',
    measure: 'CHRONIC_ABS',
    focal: 'HI',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: -5,
    gapFactor: 0.5,
    districtGoals: ['LCAP 2'],
    template: 'attendance',
  },
  {
    key: 'khs-susp-aa',
    schoolCode: 'KHS',
    teamKey: 'khs-restorative',
    title: 'Close the suspension gap for Black students',
    measure: 'SUSP_RATE',
    focal: 'AA',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: -6,
    gapFactor: 0.5,
    districtGoals: ['LCAP 3'],
    template: 'discipline',
  },
  {
    key: 'khs-chronic-sed',
    schoolCode: 'KHS',
    teamKey: 'khs-ninth',
    title: 'Reduce chronic absence among socioeconomically disadvantaged students',
    measure: 'CHRONIC_ABS',
    focal: 'SED',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: -5,
    gapFactor: 0.5,
    districtGoals: ['LCAP 2'],
    template: 'attendance',
  },
  {
    key: 'lhs-ontrack-el',
    schoolCode: 'LHS',
    teamKey: 'lhs-ontrack',
    title: '9th-grade on-track for English learners',
    measure: 'ONTRACK_9',
    focal: 'EL',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: 9,
    gapFactor: 0.5,
    districtGoals: ['LCAP 1'],
    template: 'courses',
  },
  {
    key: 'lhs-ontrack-swd',
    schoolCode: 'LHS',
    teamKey: 'lhs-ontrack',
    title: '9th-grade on-track for students with disabilities',
    measure: 'ONTRACK_9',
    focal: 'SWD',
    reference: 'all_other_students',
    baselineYear: 'Y1',
    delta: 8,
    gapFactor: 0.5,
    districtGoals: ['LCAP 1'],
    template: 'courses',
  },
  {
    key: 'lhs-df-hi',
    schoolCode: 'LHS',
    teamKey: 'lhs-counseling',
    title: 'Fewer D and F marks for Latino students',
    measure: 'DF_RATE',
    focal: 'HI',
    reference: 'all_other_students',
    baselineYear: 'Y2',
    delta: -6,
    gapFactor: 0.5,
    districtGoals: ['LCAP 1'],
    template: 'courses',
  },
]

export function goalSpec(key: string): GoalSpec {
  const spec = GOAL_SPECS.find((g) => g.key === key)
  if (!spec) throw new Error(`Unknown goal ${key}`)
  return spec
}

interface Baseline {
  value: number
  date: string
  gap: number | null
}

function readBaseline(spec: GoalSpec, calendar: DemoCalendar, index: SeriesIndex): Baseline {
  const year = calendar.years[spec.baselineYear]
  const asOf =
    spec.measure === 'ELA_DFS'
      ? (calendar.years[spec.baselineYear === 'Y1' ? 'Y2' : 'Y3'].weeks[ELA_DFS.releaseWeek]?.monday ??
        year.lastDay)
      : year.lastDay
  const obs = index.lastOnOrBefore(spec.measure, spec.schoolCode, spec.focal, asOf)
  if (!obs) throw new Error(`No baseline for goal ${spec.key}`)
  const other =
    spec.reference === 'all_other_students'
      ? index.otherValue(spec.measure, spec.schoolCode, spec.focal, obs.period)
      : null
  return {
    value: round1(obs.value),
    date: obs.period,
    gap: other === null ? null : round1(obs.value - other),
  }
}

function targetDate(spec: GoalSpec, calendar: DemoCalendar): string {
  if (spec.measure === 'ELA_DFS') return isoDate(calendar.years.Y3.startYear + 1, 10, 15)
  return calendar.years.Y3.lastDay
}

const AIM_PHRASE: Partial<Record<MeasureCode, string>> = {
  CHRONIC_ABS: 'chronic absence rate',
  ATTEND_RATE: 'weekly attendance rate',
  SUSP_RATE: 'suspension rate',
  DF_RATE: 'share of students with a D or F in a core course',
  ONTRACK_9: '9th-grade on-track rate',
  ELA_DFS: 'ELA distance from standard',
}

function aimStatement(
  spec: GoalSpec,
  b: Baseline,
  target: number,
  targetIso: string,
  targetGap: number | null,
): string {
  const measure = measureByCode(spec.measure)
  const verb =
    measure.higherIsBetter === target > b.value ? (measure.higherIsBetter ? 'raise' : 'reduce') : 'keep'
  const by = `By ${spec.measure === 'ELA_DFS' ? 'fall' : monthName(targetIso)} ${targetIso.slice(0, 4)}`
  const what = `${AIM_PHRASE[spec.measure] ?? measure.name} for ${GROUP_PHRASE[spec.focal]} at ${schoolName(spec.schoolCode)}`
  const core =
    verb === 'keep'
      ? `${by}, keep the ${what} at or below ${formatValue(spec.measure, target)} (${formatValue(spec.measure, b.value)} at baseline)`
      : `${by}, ${verb} the ${what} from ${formatValue(spec.measure, b.value)} to ${formatValue(spec.measure, target)}`
  if (b.gap === null || targetGap === null) return `${core}.`
  return `${core}, and narrow the gap with all other students from ${Math.abs(b.gap).toFixed(1)} to ${Math.abs(targetGap).toFixed(1)} points.`
}

export function buildEquityGoals(calendar: DemoCalendar, index: SeriesIndex): DemoEquityGoal[] {
  return GOAL_SPECS.map((spec) => {
    const baseline = readBaseline(spec, calendar, index)
    const target = round1(baseline.value + spec.delta)
    const targetIso = targetDate(spec, calendar)
    const targetGap =
      baseline.gap === null || spec.gapFactor === null ? null : round1(baseline.gap * spec.gapFactor)
    const created = addDays(
      spec.baselineYear === 'Y1' ? calendar.years.Y2.firstDay : calendar.years.Y3.firstDay,
      16,
    )
    const createdAt = spec.measure === 'ELA_DFS' ? addDays(baseline.date, 10) : created
    return {
      key: spec.key,
      schoolCode: spec.schoolCode,
      teamKey: spec.teamKey,
      title: spec.title,
      aimStatement: aimStatement(spec, baseline, target, targetIso, targetGap),
      measureCode: spec.measure,
      focalGroupCode: spec.focal,
      referenceKind: spec.reference,
      referenceGroupCode: null,
      baselineValue: baseline.value,
      baselineDate: baseline.date,
      targetValue: target,
      targetDate: targetIso,
      baselineGap: spec.reference === 'fixed_target' ? null : baseline.gap,
      targetGap,
      status: spec.status ?? 'active',
      createdByEmail: spec.teamKey ? teamPersonEmail(spec.teamKey, 0) : principalOf(spec.schoolCode).email,
      createdAt: timestamp(createdAt, 17, 30),
      districtGoalCodes: spec.districtGoals,
    }
  })
}
