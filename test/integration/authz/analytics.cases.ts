// Analytics read views: the linked-metric series of a measure at a school, a cycle's verdicts, a goal's progress.
import type { AuthzCase } from './types.ts'

const teamAReaders = ['admin', 'leader', 'coach', 'lead', 'member', 'viewer', 'principal'] as const

export const analyticsCases: AuthzCase[] = [
  {
    path: 'analytics.measureSeries',
    input: (w) => ({ measureId: w.measure.id, schoolId: w.schoolA.id, view: 'disaggregated' }),
    // Readers of school A: its teams' members, its viewers and coaches, and district readers.
    allow: teamAReaders,
  },
  { path: 'analytics.cycleVerdicts', input: (w) => ({ cycleId: w.cycle.id }), allow: teamAReaders },
  { path: 'analytics.cycleCharts', input: (w) => ({ cycleId: w.cycle.id }), allow: teamAReaders },
  { path: 'analytics.goalProgress', input: (w) => ({ goalId: w.goal.id }), allow: teamAReaders },
]
