// From weekly tallies to observations: value = numerator / denominator × multiplier, per school ×
// group × period. Library measures for every group; storyline measures only where a team logs them.
import type { YearKey } from './calendar.ts'
import { type MeasureCode, measureByCode } from './measures.ts'
import type { SchoolYearSimulation } from './simulate.ts'
import { GROUP_CODES, type GroupCode } from './student-groups.ts'
import { type TallyField, tallyValue, type WeekTally } from './tallies.ts'
import type { DemoObservation } from './types.ts'

interface Rule {
  measure: MeasureCode
  numerator: TallyField | null
  denominator: TallyField | null
  /** The field that says the value exists (defaults to the denominator). */
  presence?: TallyField
  /** Where the measure is kept: schools, groups and years (default: everywhere, every group). */
  schools?: readonly string[]
  groups?: readonly GroupCode[]
  years?: readonly YearKey[]
  /** Only at progress-report weeks. */
  atProgressReports?: boolean
  /** Numerators that are averages are rounded to this many decimals. */
  decimals?: number
}

const SECONDARY = ['HMS', 'IHM', 'JMS', 'KHS', 'LHS']

const RULES: readonly Rule[] = [
  { measure: 'CHRONIC_ABS', numerator: 'chronicNum', denominator: 'chronicDen' },
  { measure: 'AT_RISK_ABS', numerator: 'atRiskNum', denominator: 'chronicDen' },
  { measure: 'ATTEND_RATE', numerator: 'presentAvg', denominator: 'enrolled', decimals: 2 },
  { measure: 'SUSP_RATE', numerator: 'suspended', denominator: 'cumulativeEnrolled' },
  { measure: 'ODR_RATE', numerator: 'odrPerDay', denominator: 'enrolled', decimals: 2 },
  {
    measure: 'DF_RATE',
    numerator: 'dfNum',
    denominator: 'dfDen',
    schools: SECONDARY,
    atProgressReports: true,
  },
  {
    measure: 'ONTRACK_9',
    numerator: 'onTrackNum',
    denominator: 'onTrackDen',
    schools: ['KHS', 'LHS'],
    atProgressReports: true,
  },
  {
    measure: 'OSS_WEEKLY',
    numerator: 'ossIncidents',
    denominator: 'enrolled',
    schools: ['KHS'],
    groups: ['ALL', 'AA'],
  },
  {
    measure: 'RESTORATIVE_CONF',
    numerator: 'conferences',
    denominator: null,
    presence: 'enrolled',
    schools: ['KHS'],
    groups: ['ALL'],
    years: ['Y2', 'Y3'],
  },
  {
    measure: 'ISS_DAYS',
    numerator: 'issDays',
    denominator: null,
    presence: 'enrolled',
    schools: ['KHS'],
    groups: ['ALL', 'AA'],
  },
  {
    measure: 'FAMILY_CONTACT_48H',
    numerator: 'contacted',
    denominator: 'flagged',
    schools: ['HMS'],
    groups: ['ALL', 'AA', 'SED'],
  },
  {
    measure: 'FAMILY_CONTACT_48H',
    numerator: 'contacted',
    denominator: 'flagged',
    schools: ['BAY'],
    groups: ['ALL'],
    years: ['Y2', 'Y3'],
  },
  {
    measure: 'TARDY_RATE',
    numerator: 'tardyPerDay',
    denominator: 'enrolled',
    schools: ['HMS'],
    groups: ['ALL', 'AA', 'SED'],
    decimals: 2,
  },
  {
    measure: 'DF9_WEEKLY',
    numerator: 'df9Num',
    denominator: 'df9Den',
    schools: ['LHS'],
    groups: ['ALL', 'EL', 'SWD'],
  },
  {
    measure: 'TUTORING_ATTEND',
    numerator: 'tutorNum',
    denominator: 'tutorDen',
    schools: ['LHS'],
    groups: ['ALL', 'EL', 'SWD'],
    years: ['Y2', 'Y3'],
  },
]

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals

function observe(
  rule: Rule,
  tally: WeekTally,
  groupIndex: number,
): Pick<DemoObservation, 'value' | 'numerator' | 'denominator'> | null {
  const presence = rule.presence ?? rule.denominator
  if (presence === null || tallyValue(tally, groupIndex, presence) <= 0) return null
  const rawNumerator = rule.numerator ? tallyValue(tally, groupIndex, rule.numerator) : 0
  const numerator = rule.decimals === undefined ? rawNumerator : round(rawNumerator, rule.decimals)
  const { multiplier } = measureByCode(rule.measure)
  if (rule.denominator === null) return { value: numerator * multiplier, numerator: null, denominator: null }
  const denominator = tallyValue(tally, groupIndex, rule.denominator)
  return { value: (numerator / denominator) * multiplier, numerator, denominator }
}

function appliesTo(rule: Rule, sim: SchoolYearSimulation, weekIndex: number): boolean {
  if (rule.schools && !rule.schools.includes(sim.schoolCode)) return false
  if (rule.years && !rule.years.includes(sim.year.key)) return false
  if (rule.atProgressReports && !sim.year.progressReportWeeks.includes(weekIndex)) return false
  return true
}

export function observationsFromSimulation(sim: SchoolYearSimulation): DemoObservation[] {
  const out: DemoObservation[] = []
  for (const tally of sim.weeks) {
    const week = sim.year.weeks[tally.weekIndex]
    if (!week) continue
    for (const rule of RULES) {
      if (!appliesTo(rule, sim, tally.weekIndex)) continue
      GROUP_CODES.forEach((groupCode, groupIndex) => {
        if (rule.groups && !rule.groups.includes(groupCode)) return
        const values = observe(rule, tally, groupIndex)
        if (values)
          out.push({
            measureCode: rule.measure,
            schoolCode: sim.schoolCode,
            groupCode,
            period: week.monday,
            ...values,
          })
      })
    }
  }
  return out
}
