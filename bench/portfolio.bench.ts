// `pnpm bench portfolio`: the coach portfolio page (/coach) for a coach of 20 teams, server-side rendered
// by the production build on PostgreSQL with the seeded demo district (the demo has 18 teams: two more
// are added with copies of existing teams' cycles). Times full GET requests (loader, tRPC procedure,
// verdicts, method checks, SSR) after a warm-up, with the district's derived figures cached and right after a
// data change (recomputed); prints the medians and exits 1 when one is above the 300 ms target.
// Needs `BUILD_DIR=<dir> pnpm build` first and PostgreSQL (TEST_DATABASE_URL, default local postgres).

import { demoEmail } from '@pdsa/demo-district'
import { median, startPageServer, timePage, touchAnObservation } from './utils/page-server.ts'
import { coachOfTeams, seededPostgres } from './utils/seeded-district.ts'

const TARGET_MS = 300
const TEAMS = 20
const RUNS = 25

const seeded = await seededPostgres('portfolio')
let failed = false
try {
  const db = seeded.database.db
  const coach = demoEmail('Coach')
  const teams = await coachOfTeams(db, coach, TEAMS)
  const cycles = await db.pdsaCycle.count({
    where: { team: { memberships: { some: { user: { email: coach }, role: 'coach' } } } },
  })
  const server = await startPageServer(db)
  try {
    const cookie = await server.cookieFor(coach)
    // Warm: the district's derived figures (verdicts, gaps) are cached while its data is unchanged.
    // After a data change: every request follows an edit of an observation, so the figures are recomputed.
    const runs = [
      { path: '/coach', label: '' },
      { path: '/coach?sort=stale&attention=1', label: '' },
      { path: '/coach', label: ' after a data change', before: touchAnObservation(db, seeded.districtId) },
    ]
    for (const { path, label, before } of runs) {
      const times = await timePage(server.baseUrl, path, cookie, RUNS, 3, before)
      const m = median(times)
      const ok = m < TARGET_MS
      if (!ok) failed = true
      console.log(
        `coach portfolio ${path}${label}: ${teams} teams, ${cycles} cycles — median ${m.toFixed(1)} ms ` +
          `(min ${times[0]?.toFixed(1)}, max ${times.at(-1)?.toFixed(1)}, n=${times.length}) ` +
          `target < ${TARGET_MS} ms ${ok ? 'OK' : 'MISSED'}`,
      )
    }
  } finally {
    await server.close()
  }
} finally {
  await seeded.drop()
}
process.exit(failed ? 1 : 0)
