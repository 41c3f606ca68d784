// Annual ELA distance from standard (CAASPP), grades 3–8 and 11, one value per school × group and
// tested year, shown in the fall week the results are released (the following school year).
import type { DemoCalendar, YearKey } from './calendar.ts'
import { ELA_DFS } from './config.ts'
import { createRng, normal } from './random.ts'
import { PROGRAM_CODES } from './schools.ts'
import { GROUP_BIT, GROUP_CODES } from './student-groups.ts'
import type { Roster, SimStudent } from './students.ts'
import type { DemoObservation } from './types.ts'

const TESTED_GRADES = new Set([3, 4, 5, 6, 7, 8, 11])

function isTested(s: SimStudent, dayCount: number): boolean {
  return TESTED_GRADES.has(s.grade) && s.entryDay < dayCount * 0.6 && s.exitDay > dayCount * 0.85
}

function expectedDfs(s: SimStudent, testedYear: 'Y0' | 'Y1' | 'Y2'): number {
  let dfs = ELA_DFS.intercept + (ELA_DFS.school[s.schoolCode] ?? 0) + ELA_DFS.year[testedYear]
  dfs += ELA_DFS.shift[s.race] ?? 0
  for (const p of PROGRAM_CODES) if (s.programs[p]) dfs += ELA_DFS.shift[p] ?? 0
  return dfs - 40 * Math.max(0, s.absence - 0.08)
}

/** Results of the tested year, released in the year after it. */
const RELEASES: readonly { tested: 'Y0' | 'Y1' | 'Y2'; roster: YearKey; releasedIn: YearKey }[] = [
  { tested: 'Y0', roster: 'Y1', releasedIn: 'Y1' },
  { tested: 'Y1', roster: 'Y1', releasedIn: 'Y2' },
  { tested: 'Y2', roster: 'Y2', releasedIn: 'Y3' },
]

export function elaObservations(
  calendar: DemoCalendar,
  rosters: readonly Roster[],
  seed: number,
): DemoObservation[] {
  const out: DemoObservation[] = []
  for (const release of RELEASES) {
    const releaseYear = calendar.years[release.releasedIn]
    const week = releaseYear.weeks[ELA_DFS.releaseWeek]
    if (!week || releaseYear.observedWeeks <= ELA_DFS.releaseWeek) continue
    const dayCount = calendar.years[release.roster].days.length
    for (const roster of rosters.filter((r) => r.year === release.roster)) {
      const rng = createRng(seed, `ela:${roster.school.code}:${release.tested}`)
      const sums = GROUP_CODES.map(() => ({ n: 0, total: 0 }))
      for (const s of roster.students) {
        if (!isTested(s, dayCount)) continue
        const dfs = Math.round(expectedDfs(s, release.tested) + ELA_DFS.noise * normal(rng))
        GROUP_CODES.forEach((code, g) => {
          const cell = sums[g]
          if (cell && s.mask & GROUP_BIT[code]) {
            cell.n++
            cell.total += dfs
          }
        })
      }
      GROUP_CODES.forEach((groupCode, g) => {
        const cell = sums[g]
        if (!cell || cell.n === 0) return
        out.push({
          measureCode: 'ELA_DFS',
          schoolCode: roster.school.code,
          groupCode,
          period: week.monday,
          value: cell.total / cell.n,
          numerator: cell.total,
          denominator: cell.n,
        })
      })
    }
  }
  return out
}
