// Builds the whole fictional Riverbend Unified School District as plain data, deterministic for a
// given seed and `today` (no I/O, no clock).
import { buildDemoCalendar, YEAR_KEYS } from './calendar.ts'
import { buildComments } from './comments.ts'
import { DEFAULT_SEED } from './config.ts'
import { buildIdeasAndCycles } from './cycles/build-cycles.ts'
import { ELEMENTARY_IDEAS } from './cycles/elementary.ts'
import { HARBOR_IDEAS } from './cycles/harbor.ts'
import { KESTREL_IDEAS } from './cycles/kestrel.ts'
import { LAKESIDE_IDEAS } from './cycles/lakeside.ts'
import { MIDDLE_IDEAS } from './cycles/middle.ts'
import type { IdeaScript } from './cycles/script.ts'
import { buildDriverDiagram } from './drivers.ts'
import { buildDistrictGoals, buildEquityGoals, GOAL_SPECS } from './goals.ts'
import { MEASURES, measureByCode } from './measures.ts'
import { buildPeople } from './people.ts'
import { SCHOOLS } from './schools.ts'
import { buildSeriesIndex } from './series-index.ts'
import { simulateDistrict } from './simulate-district.ts'
import { STUDENT_GROUPS } from './student-groups.ts'
import type { DemoDistrict } from './types.ts'

export const IDEA_SCRIPTS: readonly IdeaScript[] = [
  ...HARBOR_IDEAS,
  ...KESTREL_IDEAS,
  ...LAKESIDE_IDEAS,
  ...ELEMENTARY_IDEAS,
  ...MIDDLE_IDEAS,
]

export interface BuildDemoDistrictOptions {
  /** The day the demo is built for (YYYY-MM-DD): school years and cycle dates are relative to it. */
  today: string
  seed?: number
}

export function buildDemoDistrict({ today, seed = DEFAULT_SEED }: BuildDemoDistrictOptions): DemoDistrict {
  const calendar = buildDemoCalendar(today)
  const { observations } = simulateDistrict(calendar, seed)
  const index = buildSeriesIndex(observations, (m) => measureByCode(m).multiplier)
  const people = buildPeople()
  const equityGoals = buildEquityGoals(calendar, index)
  const driverNodes = GOAL_SPECS.flatMap((spec) => buildDriverDiagram(spec.key, spec.template))
  const { changeIdeas, cycles } = buildIdeasAndCycles(IDEA_SCRIPTS, { calendar, index })
  return {
    today,
    seed,
    years: YEAR_KEYS.map((key) => {
      const year = calendar.years[key]
      return {
        key,
        label: year.label,
        firstDay: year.firstDay,
        lastDay: year.lastDay,
        lastObservedWeek: year.weeks[year.observedWeeks - 1]?.monday ?? null,
        observedWeeks: year.observedWeeks,
      }
    }),
    district: {
      name: 'Riverbend Unified School District',
      slug: 'riverbend',
      suppressionThreshold: 10,
      schoolYearStart: '07-01',
    },
    schools: SCHOOLS.map(({ code, name, level, gradeSpan, enrollment }) => ({
      code,
      name,
      level,
      gradeSpan,
      enrollment,
    })),
    studentGroups: [...STUDENT_GROUPS],
    measures: [...MEASURES],
    observations,
    ...people,
    districtGoals: buildDistrictGoals(calendar),
    equityGoals,
    driverNodes,
    changeIdeas,
    cycles,
    comments: buildComments(cycles, equityGoals, today),
  }
}
