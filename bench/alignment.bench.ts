// `pnpm bench alignment`: the district alignment audit (/district/alignment: tree, flags, cycle verdicts
// and gap verdicts of all 12 schools), the equity matrix (/district/equity) and the printable report,
// server-side rendered by the production build on PostgreSQL with the seeded demo district, as the
// district leader. Times full GET requests after a warm-up, with the district's derived figures cached and
// right after a data change (recomputed); prints medians and exits 1 when the audit or the matrix misses
// the 300 ms target. Needs `BUILD_DIR=<dir> pnpm build` first and PostgreSQL.

import { demoEmail } from '@pdsa/demo-district'
import { median, startPageServer, timePage, touchAnObservation } from './utils/page-server.ts'
import { seededPostgres } from './utils/seeded-district.ts'

const TARGET_MS = 300
const RUNS = 25

const seeded = await seededPostgres('alignment')
let failed = false
try {
  const db = seeded.database.db
  const [schools, goals, cycles] = await Promise.all([
    db.school.count(),
    db.equityGoal.count(),
    db.pdsaCycle.count(),
  ])
  const server = await startPageServer(db)
  try {
    const cookie = await server.cookieFor(demoEmail('District leader'))
    const afterChange = touchAnObservation(db, seeded.districtId)
    const pages: { path: string; label: string; target: number | null; before?: () => Promise<void> }[] = [
      { path: '/district/alignment', label: 'alignment audit', target: TARGET_MS },
      {
        path: '/district/alignment',
        label: 'alignment audit after a data change',
        target: TARGET_MS,
        before: afterChange,
      },
      { path: '/district/equity', label: 'equity matrix', target: TARGET_MS },
      {
        path: '/district/equity',
        label: 'equity matrix after a data change',
        target: TARGET_MS,
        before: afterChange,
      },
      { path: '/district/alignment/print', label: 'printable report', target: null },
      { path: '/district/alignment.csv', label: 'CSV export', target: null },
    ]
    for (const p of pages) {
      const times = await timePage(server.baseUrl, p.path, cookie, RUNS, 3, p.before)
      const m = median(times)
      const ok = p.target === null || m < p.target
      if (!ok) failed = true
      console.log(
        `${p.label} ${p.path}: ${schools} schools, ${goals} goals, ${cycles} cycles — median ${m.toFixed(1)} ms ` +
          `(min ${times[0]?.toFixed(1)}, max ${times.at(-1)?.toFixed(1)}, n=${times.length})` +
          (p.target === null ? ' (no target)' : ` target < ${p.target} ms ${ok ? 'OK' : 'MISSED'}`),
      )
    }
  } finally {
    await server.close()
  }
} finally {
  await seeded.drop()
}
process.exit(failed ? 1 : 0)
