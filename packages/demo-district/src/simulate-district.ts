// Runs the student-level simulation for every school and year, and turns it into observations.
import { type DemoCalendar, YEAR_KEYS } from './calendar.ts'
import { elaObservations } from './ela.ts'
import { observationsFromSimulation } from './observations.ts'
import { type SchoolYearSimulation, simulateSchoolYear } from './simulate.ts'
import { buildRosters, type Roster } from './students.ts'
import type { DemoObservation } from './types.ts'

export interface DistrictSimulation {
  rosters: Roster[]
  simulations: SchoolYearSimulation[]
  observations: DemoObservation[]
}

export function simulateDistrict(calendar: DemoCalendar, seed: number): DistrictSimulation {
  const rosters: Roster[] = []
  const simulations: SchoolYearSimulation[] = []
  for (const key of YEAR_KEYS) {
    const year = calendar.years[key]
    for (const roster of buildRosters(seed, key, year.days.length)) {
      rosters.push(roster)
      simulations.push(simulateSchoolYear(roster, year, seed))
    }
  }
  const observations = [
    ...simulations.flatMap(observationsFromSimulation),
    ...elaObservations(calendar, rosters, seed),
  ]
  observations.sort(
    (a, b) =>
      a.measureCode.localeCompare(b.measureCode) ||
      a.schoolCode.localeCompare(b.schoolCode) ||
      a.groupCode.localeCompare(b.groupCode) ||
      a.period.localeCompare(b.period),
  )
  return { rosters, simulations, observations }
}
