import { type CycleFacts, checkStageTransition, methodChecks, nextStage } from '@pdsa/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDemoDistrict } from './build-demo-district.ts'
import { DEMO_PASSWORD, DEMO_SIGN_INS } from './sign-ins.ts'
import { demo, FIXTURE_TODAY, seriesOf } from './testing/fixture.ts'
import type { DemoCycle } from './types.ts'

const OBSERVATION_CAP = 150_000

beforeAll(() => {
  demo()
}, 120_000)

describe('buildDemoDistrict', () => {
  it('is deterministic for a seed and a day, and depends on the seed', () => {
    const a = buildDemoDistrict({ today: FIXTURE_TODAY, seed: 7 })
    const b = buildDemoDistrict({ today: FIXTURE_TODAY, seed: 7 })
    expect(b).toEqual(a)
    const c = buildDemoDistrict({ today: FIXTURE_TODAY, seed: 8 })
    expect(c.observations.map((o) => o.value)).not.toEqual(a.observations.map((o) => o.value))
  }, 120_000)

  it('describes Riverbend Unified with 12 schools and the Dashboard student groups', () => {
    const d = demo()
    expect(d.district).toEqual({
      name: 'Riverbend Unified School District',
      slug: 'riverbend',
      suppressionThreshold: 10,
      schoolYearStart: '07-01',
    })
    expect(d.schools).toHaveLength(12)
    expect(d.schools.reduce((n, s) => n + s.enrollment, 0)).toBe(9_400)
    expect(d.studentGroups.map((g) => g.code)).toEqual([
      'ALL',
      'AA',
      'AI',
      'AS',
      'FI',
      'HI',
      'PI',
      'WH',
      'MR',
      'EL',
      'SED',
      'SWD',
      'FOS',
      'HOM',
    ])
  })

  it('keeps the observation count under the cap, with no duplicate cells', () => {
    const d = demo()
    expect(d.observations.length).toBeGreaterThan(50_000)
    expect(d.observations.length).toBeLessThanOrEqual(OBSERVATION_CAP)
    const keys = new Set(
      d.observations.map((o) => `${o.measureCode}|${o.schoolCode}|${o.groupCode}|${o.period}`),
    )
    expect(keys.size).toBe(d.observations.length)
  })

  it('computes every value as numerator / denominator × multiplier', () => {
    const multipliers = new Map(demo().measures.map((m) => [m.code, m.multiplier]))
    for (const o of demo().observations) {
      if (o.numerator === null || o.denominator === null) continue
      expect(o.value).toBeCloseTo((o.numerator / o.denominator) * (multipliers.get(o.measureCode) ?? 1), 9)
    }
  })

  it('has small cells for privacy suppression to hide', () => {
    const small = demo().observations.filter((o) => o.denominator !== null && o.denominator < 10)
    expect(small.some((o) => o.groupCode === 'FOS')).toBe(true)
    expect(small.some((o) => o.groupCode === 'AI')).toBe(true)
    expect(small.some((o) => o.groupCode === 'PI')).toBe(true)
    expect(seriesOf('CHRONIC_ABS', 'CED', 'PI')).toHaveLength(0)
  })

  it('does not put data in the future', () => {
    for (const o of demo().observations) expect(o.period < FIXTURE_TODAY).toBe(true)
  })
})

describe('people', () => {
  it('has users for every role, with realistic emails', () => {
    const d = demo()
    const roles = new Set(d.memberships.map((m) => m.role))
    expect([...roles].sort()).toEqual([
      'admin',
      'coach',
      'district_leader',
      'team_lead',
      'team_member',
      'viewer',
    ])
    for (const u of d.users) expect(u.email).toMatch(/^[a-z]+\.[a-z]+@riverbend\.example$/)
    expect(new Set(d.users.map((u) => u.email)).size).toBe(d.users.length)
  })

  it('scopes memberships: team-level carry the team’s school, school-level a school only, district-level neither', () => {
    const d = demo()
    const teamSchool = new Map(d.teams.map((t) => [t.key, t.schoolCode]))
    for (const m of d.memberships) {
      if (m.teamKey !== null) expect(m.schoolCode).toBe(teamSchool.get(m.teamKey))
    }
    const districtLevel = d.memberships.filter((m) => m.schoolCode === null && m.teamKey === null)
    expect(districtLevel.map((m) => m.role).sort()).toEqual([
      'admin',
      'district_leader',
      'district_leader',
      'viewer',
    ])
    const principals = d.memberships.filter(
      (m) => m.role === 'viewer' && m.schoolCode !== null && m.teamKey === null,
    )
    expect(new Set(principals.map((m) => m.schoolCode)).size).toBe(12)
  })

  it('gives every team a lead, 2–5 members and a coach; one coach has 8–10 teams', () => {
    const d = demo()
    for (const team of d.teams) {
      const on = d.memberships.filter((m) => m.teamKey === team.key)
      expect(
        on.filter((m) => m.role === 'team_lead'),
        team.key,
      ).toHaveLength(1)
      const members = on.filter((m) => m.role === 'team_member').length
      expect(members, team.key).toBeGreaterThanOrEqual(2)
      expect(members, team.key).toBeLessThanOrEqual(5)
      expect(
        on.filter((m) => m.role === 'coach'),
        team.key,
      ).toHaveLength(1)
    }
    const perCoach = new Map<string, number>()
    for (const m of d.memberships.filter((m) => m.role === 'coach')) {
      perCoach.set(m.userEmail, (perCoach.get(m.userEmail) ?? 0) + 1)
    }
    expect(perCoach.size).toBe(3)
    expect(Math.max(...perCoach.values())).toBeGreaterThanOrEqual(8)
    expect(Math.max(...perCoach.values())).toBeLessThanOrEqual(10)
  })

  it('lists one demo sign-in per role, each an existing user', () => {
    const emails = new Set(demo().users.map((u) => u.email))
    expect(DEMO_SIGN_INS.map((s) => s.role)).toEqual([
      'Admin',
      'District leader',
      'Coach',
      'Team lead',
      'Team member',
      'Viewer',
    ])
    for (const s of DEMO_SIGN_INS) expect(emails.has(s.email), s.email).toBe(true)
    expect(DEMO_PASSWORD).toBe('pdsa-demo-2026')
  })
})

describe('plan cascade', () => {
  it('has 3 district goals, 1–3 goals per school, and about 18 teams', () => {
    const d = demo()
    expect(d.districtGoals.map((g) => g.code)).toEqual(['LCAP 1', 'LCAP 2', 'LCAP 3'])
    for (const school of d.schools) {
      const goals = d.equityGoals.filter((g) => g.schoolCode === school.code).length
      expect(goals, school.code).toBeGreaterThanOrEqual(1)
      expect(goals, school.code).toBeLessThanOrEqual(3)
    }
    expect(d.teams).toHaveLength(18)
  })

  it('seeds the misalignments: no Juniper goal for SWD, a Foothill target above baseline, an unaligned goal', () => {
    const d = demo()
    expect(d.equityGoals.filter((g) => g.schoolCode === 'JMS' && g.focalGroupCode === 'SWD')).toHaveLength(0)
    const foothill = d.equityGoals.find((g) => g.schoolCode === 'FTH' && g.measureCode === 'CHRONIC_ABS')
    expect(foothill && foothill.targetValue > foothill.baselineValue).toBe(true)
    expect(d.equityGoals.some((g) => g.districtGoalCodes.length === 0)).toBe(true)
  })

  it('reads goal baselines from the data', () => {
    const harbor = demo().equityGoals.find((g) => g.key === 'hms-chronic-aa')
    const at = seriesOf('CHRONIC_ABS', 'HMS', 'AA').find((o) => o.period === harbor?.baselineDate)
    expect(at?.value).toBeCloseTo(harbor?.baselineValue ?? Number.NaN, 1)
    expect(harbor?.baselineGap).toBeGreaterThan(8)
  })

  it('gives each goal a driver diagram of 3–4 primary drivers with 1–3 secondary drivers each', () => {
    const d = demo()
    for (const goal of d.equityGoals) {
      const nodes = d.driverNodes.filter((n) => n.goalKey === goal.key)
      const primaries = nodes.filter((n) => n.kind === 'primary')
      expect(primaries.length).toBeGreaterThanOrEqual(3)
      expect(primaries.length).toBeLessThanOrEqual(4)
      for (const p of primaries) {
        const secondaries = nodes.filter((n) => n.parentKey === p.key).length
        expect(secondaries).toBeGreaterThanOrEqual(1)
        expect(secondaries).toBeLessThanOrEqual(3)
      }
    }
    const nodeKeys = new Set(d.driverNodes.filter((n) => n.kind === 'secondary').map((n) => n.key))
    for (const idea of d.changeIdeas)
      for (const key of idea.driverKeys) expect(nodeKeys.has(key), key).toBe(true)
  })
})

function factsOf(cycle: DemoCycle, cycles: readonly DemoCycle[]): CycleFacts {
  const observationsInWindow = cycle.measures.reduce((n, m) => {
    const start = new Date(Date.parse(`${cycle.plannedStart}T00:00:00Z`) - 6 * 86_400_000)
      .toISOString()
      .slice(0, 10)
    const series = seriesOf(m.measureCode, cycle.schoolCode, m.groupCode ?? 'ALL')
    return n + series.filter((o) => o.period >= start && o.period <= cycle.plannedEnd).length
  }, 0)
  return {
    stage: cycle.stage,
    cycleNumber: cycle.cycleNumber,
    scale: cycle.scale,
    plannedStart: cycle.plannedStart,
    plannedEnd: cycle.plannedEnd,
    lastEditedAt: new Date(cycle.lastEditedAt),
    texts: {
      objective: cycle.objectiveText,
      do: cycle.doText,
      act: cycle.actText,
    },
    questions: cycle.questions,
    linkedMeasures: cycle.measures.map((m) => {
      const measure = demo().measures.find((d) => d.code === m.measureCode)
      return { name: measure?.name ?? m.measureCode, cadence: measure?.cadence ?? 'weekly' }
    }),
    lagDays: cycle.lagDays,
    carriedOutAsPlanned: cycle.carriedOutAsPlanned,
    predictionsConfirmed: cycle.predictionsConfirmed,
    decision: cycle.decision,
    spreadPlan: cycle.spreadPlan,
    observationsInWindow,
    hasNextCycle: cycles.some((c) => c.previousCycleKey === cycle.key),
  }
}

const STAGES = ['plan', 'do', 'study', 'act', 'complete'] as const

describe('PDSA cycles', () => {
  it('has 60–90 cycles with several in every stage', () => {
    const cycles = demo().cycles
    expect(cycles.length).toBeGreaterThanOrEqual(60)
    expect(cycles.length).toBeLessThanOrEqual(90)
    for (const stage of STAGES)
      expect(cycles.filter((c) => c.stage === stage).length, stage).toBeGreaterThanOrEqual(4)
  })

  it('satisfies the domain’s transition rules for every stage it has passed', () => {
    const cycles = demo().cycles
    for (const cycle of cycles) {
      const reached = STAGES.indexOf(cycle.stage)
      for (let i = 0; i < reached; i++) {
        const from = STAGES[i] as (typeof STAGES)[number]
        const to = nextStage(from)
        if (!to) continue
        const check = checkStageTransition({ ...factsOf(cycle, cycles), stage: from }, to)
        expect(check, `${cycle.key}: ${from} → ${to}`).toEqual({ ok: true })
      }
    }
  })

  it('builds ramps with increasing scale and consistent links', () => {
    const d = demo()
    const byKey = new Map(d.cycles.map((c) => [c.key, c]))
    const ramps = d.cycles.filter((c) => c.previousCycleKey !== null)
    expect(ramps.length).toBeGreaterThan(15)
    for (const c of ramps) {
      const previous = byKey.get(c.previousCycleKey ?? '')
      expect(previous?.cycleNumber).toBe(c.cycleNumber - 1)
      expect(previous?.changeIdeaKey).toBe(c.changeIdeaKey)
      expect(previous && previous.plannedEnd <= c.plannedStart).toBe(true)
    }
    expect(d.cycles.filter((c) => c.changeIdeaKey === 'hms-mentoring').map((c) => c.scale)).toEqual([
      expect.stringMatching(/^1 family/),
      expect.stringMatching(/^10 students/),
      expect.stringMatching(/^40 students/),
      expect.stringMatching(/^Grade-wide/),
      expect.stringMatching(/^School-wide/),
      expect.any(String),
    ])
  })

  it('fires every method check somewhere', () => {
    const cycles = demo().cycles
    const fired = new Map<string, string[]>()
    for (const cycle of cycles) {
      for (const check of methodChecks(factsOf(cycle, cycles), FIXTURE_TODAY)) {
        fired.set(check.kind, [...(fired.get(check.kind) ?? []), cycle.key])
      }
    }
    expect([...fired.keys()].sort()).toEqual([
      'full_scale_first_test',
      'measure_too_slow_for_window',
      'no_data_in_window',
      'no_linked_measure',
      'no_next_cycle_after_adapt',
      'no_prediction',
      'overdue',
      'stale',
    ])
    expect(fired.get('overdue')).toEqual(['fth-charts-c1'])
    expect(fired.get('stale')).toEqual(['jms-visits-c1'])
    expect(fired.get('no_next_cycle_after_adapt')).toEqual(['ihm-retake-c1'])
    expect(fired.get('full_scale_first_test')).toContain('lhs-gradecheck-c1')
    // a term measure (D/F rate) linked alone to a 5-week cycle, flagged while the cycle is still running
    expect(fired.get('measure_too_slow_for_window')).toContain('lhs-gradecheck-c1')
  })

  it('keeps dates consistent with the calendar and with today', () => {
    for (const c of demo().cycles) {
      expect(c.plannedStart <= c.plannedEnd, c.key).toBe(true)
      for (const stamp of [c.createdAt, c.lastEditedAt, c.stageChangedAt])
        expect(stamp.slice(0, 10) < FIXTURE_TODAY, c.key).toBe(true)
      expect(c.createdAt <= c.stageChangedAt && c.stageChangedAt <= c.lastEditedAt, c.key).toBe(true)
      if (c.stage === 'plan') expect(c.actualStart).toBeNull()
      if (c.actualEnd) expect(c.actualEnd < FIXTURE_TODAY, c.key).toBe(true)
      if (c.year === 'Y2') expect(c.stage).toBe('complete')
    }
  })

  it('quantifies some predictions in a linked measure’s unit, and reads their results from the data', () => {
    const quantified = demo().cycles.flatMap((c) =>
      c.questions.filter((q) => q.measureCode !== null).map((q) => ({ c, q })),
    )
    expect(quantified.length).toBeGreaterThan(20)
    for (const { c, q } of quantified) {
      expect(
        c.measures.some((m) => m.measureCode === q.measureCode),
        c.key,
      ).toBe(true)
      expect(q.predictedValue !== null || (q.predictedMin !== null && q.predictedMax !== null)).toBe(true)
      if (c.stage === 'act' || c.stage === 'complete') expect(q.confirmed, c.key).not.toBeNull()
    }
  })
})

describe('comments', () => {
  it('has coach feedback requiring a response, both answered (with a reply) and still open', () => {
    const comments = demo().comments
    const needing = comments.filter((c) => c.requiresResponse)
    const answered = needing.filter((c) => c.resolvedAt !== null)
    expect(answered.length).toBeGreaterThan(2)
    expect(needing.filter((c) => c.resolvedAt === null).length).toBeGreaterThan(2)
    for (const c of answered) {
      const reply = comments.find((r) => r.parentKey === c.key)
      expect(reply?.authorEmail).toBe(c.resolvedByEmail)
      expect(reply && reply.createdAt >= c.createdAt).toBe(true)
    }
    expect(comments.some((c) => c.goalKey !== null)).toBe(true)
  })
})
