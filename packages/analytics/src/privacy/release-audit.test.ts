// The audit (ADR 016 §2) on hand-made tables, and the attack suite on generated districts (§5).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { auditIntervals } from './audit-intervals.ts'
import {
  type CellRelease,
  DEFAULT_PROTECTION_WIDTH,
  decideSeriesRelease,
  otherThanCellId,
  type ReleaseGroup,
  type ReleaseRule,
  type ReleaseTableInput,
} from './release.ts'
import { buildTableModel, orderGroups } from './release-model.ts'
import { attackSeries } from './testing/attacker.ts'

const groups: ReleaseGroup[] = [
  { id: 'ALL', category: 'all', sortOrder: 1 },
  { id: 'AA', category: 'race_ethnicity', sortOrder: 2 },
  { id: 'AI', category: 'race_ethnicity', sortOrder: 3 },
  { id: 'AS', category: 'race_ethnicity', sortOrder: 4 },
  { id: 'HI', category: 'race_ethnicity', sortOrder: 5 },
  { id: 'PI', category: 'race_ethnicity', sortOrder: 6 },
  { id: 'WH', category: 'race_ethnicity', sortOrder: 7 },
  { id: 'F', category: 'gender', sortOrder: 8 },
  { id: 'M', category: 'gender', sortOrder: 9 },
  { id: 'EL', category: 'program', sortOrder: 10 },
  { id: 'SWD', category: 'program', sortOrder: 11 },
  { id: 'FOS', category: 'other', sortOrder: 12 },
  { id: 'HOM', category: 'other', sortOrder: 13 },
]
const rule: ReleaseRule = { threshold: 10, accumulation: 'period', schoolYearStart: '07-01' }

function tableOf(period: string, cells: Record<string, [number, number]>): ReleaseTableInput {
  return {
    period,
    cells: Object.entries(cells).map(([groupId, [n, numerator]]) => ({ groupId, n, numerator })),
  }
}

/** Audits a decided table again with the release's own decisions (what the decision left exposed). */
function reaudit(
  table: ReleaseTableInput,
  release: (id: string) => CellRelease,
  width = DEFAULT_PROTECTION_WIDTH,
) {
  const ordered = orderGroups(groups)
  const model = buildTableModel(
    table.cells,
    new Map(ordered.map((g) => [g.id, g])),
    new Map(ordered.map((g, i) => [g.id, i])),
  )
  const releases = new Map(model.cells.map((c) => [c.id, release(c.id)]))
  const hidden = new Set(model.cells.filter((c) => release(c.id).kind === 'suppressed').map((c) => c.id))
  return auditIntervals(model, releases, hidden, {
    threshold: 10,
    numeratorKind: 'share',
    protection: { minimumWidth: width },
    coding: true,
    sizesPublic: false,
  })
}

describe('the audit', () => {
  // The example: 75/586 for all students, 75/580 for the shown groups → the 6 hidden students
  // have 0 chronically absent. Complementary suppression alone hides WH (the smallest sibling), whose
  // 0 of 12 leaves the hidden numerators at 0: every hidden value known.
  const leftoverZero = tableOf('2025-09-01', {
    ALL: [586, 75],
    AA: [100, 20],
    AI: [6, 0],
    AS: [60, 10],
    HI: [408, 45],
    WH: [12, 0],
    F: [290, 40],
    M: [296, 35],
  })

  it('finds the leftover of 0 % that complementary suppression leaves', () => {
    const complementsOnly = decideSeriesRelease({ tables: [leftoverZero], groups, rule }, { audit: false })
    const audits = reaudit(leftoverZero, (id) => complementsOnly.cell('2025-09-01', id))
    const ai = audits.find((a) => a.cellId === 'AI' && a.quantity === 'numerator')
    expect(ai?.interval).toEqual({ min: 0, max: 0 })
  })

  it('hides more until every interval spans the rule', () => {
    const release = decideSeriesRelease({ tables: [leftoverZero], groups, rule })
    const audits = reaudit(leftoverZero, (id) => release.cell('2025-09-01', id))
    expect(audits.length).toBeGreaterThan(0)
    for (const audit of audits)
      expect(audit.interval.max - audit.interval.min).toBeGreaterThanOrEqual(audit.required)
    expect(release.cell('2025-09-01', 'AI')).toEqual({ kind: 'suppressed', reason: 'primary' })
    // WH alone (0 of 12) cannot hide AI's 0: some cell with students on both sides is hidden by the audit
    const reasons = ['AA', 'AS', 'HI', 'WH'].map((id) => release.cell('2025-09-01', id))
    expect(reasons).toContainEqual({ kind: 'suppressed', reason: 'audit' })
  })

  it('a leftover of 100 % is caught as well (students without the outcome pinned at 0)', () => {
    const table = tableOf('2025-09-01', {
      ALL: [586, 300],
      AA: [100, 50],
      AI: [6, 6],
      AS: [60, 30],
      HI: [408, 202],
      WH: [12, 12],
    })
    const complementsOnly = decideSeriesRelease({ tables: [table], groups, rule }, { audit: false })
    const before = reaudit(table, (id) => complementsOnly.cell('2025-09-01', id))
    expect(before.find((a) => a.cellId === 'AI' && a.quantity === 'without')?.interval).toEqual({
      min: 0,
      max: 0,
    })
    const release = decideSeriesRelease({ tables: [table], groups, rule })
    for (const audit of reaudit(table, (id) => release.cell('2025-09-01', id)))
      expect(audit.interval.max - audit.interval.min).toBeGreaterThanOrEqual(audit.required)
  })

  it('a coded cell that the shown cells pin exactly is hidden', () => {
    // all students 2 of 400 ("≤ 1 %") but every race group shown exactly (none near 0 %): 2 is known
    const table = tableOf('2025-09-01', { ALL: [400, 2], AA: [200, 1], HI: [200, 1] })
    const plain = decideSeriesRelease({ tables: [table], groups, rule }, { audit: false })
    expect(plain.cell('2025-09-01', 'ALL')).toEqual({ kind: 'coded', bound: 'at_most', percent: 1 })
    expect(plain.cell('2025-09-01', 'AA')).toEqual({ kind: 'coded', bound: 'at_most', percent: 2 })
    const release = decideSeriesRelease({ tables: [table], groups, rule })
    for (const audit of reaudit(table, (id) => release.cell('2025-09-01', id)))
      expect(audit.interval.max - audit.interval.min).toBeGreaterThanOrEqual(audit.required)
  })

  it('a coded cell pinned by shown cells in a table with no small cell is hidden too', () => {
    // all students 3 of 300 ("≤ 1 %"), AA 3 of 100 shown (3 %), HI 0 of 200 ("≤ 2 %"): 3 + HI ≤ 3 pins
    // HI at 0 and all students at 3 — the bands would be a pretence
    const table = tableOf('2025-09-01', { ALL: [300, 3], AA: [100, 3], HI: [200, 0] })
    const release = decideSeriesRelease({ tables: [table], groups, rule })
    expect(release.cell('2025-09-01', 'ALL').kind).not.toBe('shown')
    const audits = reaudit(table, (id) => release.cell('2025-09-01', id))
    expect(audits.length).toBeGreaterThan(0)
    for (const audit of audits)
      expect(audit.interval.max - audit.interval.min).toBeGreaterThanOrEqual(audit.required)
  })

  it('to date: a count shown earlier in the year is a floor the audit takes into account', () => {
    // week 1: AS 5 of 12 shown. Week 2: PI appears with 3 students, none with the outcome; AS (12) is
    // its cheapest complement. An attacker who knows the count cannot fall takes AS ≥ 5 from week 1, so
    // PI = 65 − 20 − 40 − AS ≤ 0: exact. The audit must hide more.
    const tables = [
      tableOf('2025-09-01', { ALL: [312, 65], AA: [100, 20], AS: [12, 5], HI: [200, 40], PI: [0, 0] }),
      tableOf('2025-09-08', { ALL: [315, 65], AA: [100, 20], AS: [12, 5], HI: [200, 40], PI: [3, 0] }),
    ]
    const toDate: ReleaseRule = { ...rule, accumulation: 'to_date' }
    const release = decideSeriesRelease({ tables, groups, rule: toDate })
    expect(release.cell('2025-09-01', 'AS')).toEqual({ kind: 'shown' })
    expect(release.cell('2025-09-08', 'PI')).toEqual({ kind: 'suppressed', reason: 'primary' })
    expect(release.cell('2025-09-08', 'AS')).toEqual({ kind: 'suppressed', reason: 'complementary' })
    expect(release.cell('2025-09-08', 'AA')).toEqual({ kind: 'suppressed', reason: 'audit' })
    const report = attackSeries({ tables, groups, rule: toDate }, (p, id) => release.cell(p, id), {
      reasonsVisible: true,
      protectionWidth: DEFAULT_PROTECTION_WIDTH,
    })
    expect(report.findings).toEqual([])
    // per period (no floor), AS alone protects PI
    const perPeriod = decideSeriesRelease({ tables, groups, rule })
    expect(perPeriod.cell('2025-09-08', 'AA')).toEqual({ kind: 'shown' })
  })

  it('counts (events per student): a leftover of 0 events is caught, with no ceiling at n', () => {
    // referrals: AI 0 referrals among 6 students, WH 0 among 12: all − shown leaves 0 for both
    const table = tableOf('2025-09-01', {
      ALL: [586, 75],
      AA: [100, 20],
      AI: [6, 0],
      AS: [60, 10],
      HI: [408, 45],
      WH: [12, 0],
    })
    const countRule: ReleaseRule = { ...rule, numeratorKind: 'count' }
    const plain = decideSeriesRelease({ tables: [table], groups, rule: countRule }, { audit: false })
    const exposed = attackSeries({ tables: [table], groups, rule: countRule }, (p, id) => plain.cell(p, id), {
      reasonsVisible: true,
      protectionWidth: DEFAULT_PROTECTION_WIDTH,
    })
    expect(exposed.findings.map((f) => [f.cellId, f.numeratorInterval])).toContainEqual(['AI', [0, 0]])
    const release = decideSeriesRelease({ tables: [table], groups, rule: countRule })
    // counts are never coded: 0 events is not a share
    expect(release.cell('2025-09-01', 'WH').kind).not.toBe('coded')
    const report = attackSeries(
      { tables: [table], groups, rule: countRule },
      (p, id) => release.cell(p, id),
      {
        reasonsVisible: true,
        protectionWidth: DEFAULT_PROTECTION_WIDTH,
      },
    )
    expect(report.findings).toEqual([])
  })

  it('an intersection within named parents: the audit knows part ≤ whole', () => {
    const withIntersection: ReleaseGroup[] = [
      ...groups,
      { id: 'AA_SWD', category: 'intersection', sortOrder: 14, withinGroupIds: ['AA', 'SWD'] },
    ]
    // AA_SWD (5) hidden with its complement; SWD shown at 0 of 40: the part of 0 can only be 0
    const table = tableOf('2025-09-01', {
      ALL: [300, 60],
      AA: [100, 30],
      HI: [200, 30],
      SWD: [40, 0],
      AA_SWD: [5, 0],
    })
    const ordered = orderGroups(withIntersection)
    const model = buildTableModel(
      table.cells,
      new Map(ordered.map((g) => [g.id, g])),
      new Map(ordered.map((g, i) => [g.id, i])),
    )
    expect(model.subsets).toEqual([
      { whole: 'AA', part: 'AA_SWD' },
      { whole: 'SWD', part: 'AA_SWD' },
    ])
    const release = decideSeriesRelease({ tables: [table], groups: withIntersection, rule })
    expect(release.cell('2025-09-01', 'AA_SWD')).toEqual({ kind: 'suppressed', reason: 'primary' })
    // SWD at 0 of 40 ("≤ 5 %") pins AA_SWD at 0 unless SWD is hidden too
    expect(release.cell('2025-09-01', 'SWD').kind).toBe('suppressed')
  })

  it('models flags of category "other" (foster youth) with their complement', () => {
    const table = tableOf('2025-09-01', { ALL: [300, 30], FOS: [4, 1], HOM: [40, 8] })
    const release = decideSeriesRelease({ tables: [table], groups, rule })
    expect(release.cell('2025-09-01', 'FOS')).toEqual({ kind: 'suppressed', reason: 'primary' })
    expect(release.cell('2025-09-01', otherThanCellId('FOS')).kind).toBe('suppressed')
  })
})

// ------------------------------------------------------------------------------------------------
// Generated districts: a school's tables over a school year, every group of the categories above

const WEEKS = ['2025-08-04', '2025-08-11', '2025-08-18', '2025-08-25']

/** Students of one school: race, gender, flags, and the outcome per week (to-date outcomes never fall). */
const schoolArbitrary = fc
  .record({
    size: fc.integer({ min: 5, max: 120 }),
    raceWeights: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 6, maxLength: 6 }),
    flagRates: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
    outcomeRate: fc.integer({ min: 0, max: 100 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    toDate: fc.boolean(),
  })
  .map(({ size, raceWeights, flagRates, outcomeRate, seed, toDate }) => {
    let state = seed
    const random = () => {
      state = (state * 48271) % 2147483647
      return state / 2147483647
    }
    const races = ['AA', 'AI', 'AS', 'HI', 'PI', 'WH']
    const weightSum = raceWeights.reduce((a, b) => a + b, 0) || 1
    const students = Array.from({ length: size }, () => {
      let pick = random() * weightSum
      let race = races[races.length - 1] as string
      for (let i = 0; i < races.length; i++) {
        pick -= raceWeights[i] as number
        if (pick < 0) {
          race = races[i] as string
          break
        }
      }
      return {
        race,
        gender: random() < 0.5 ? 'F' : 'M',
        flags: ['EL', 'SWD', 'FOS', 'HOM'].filter(
          (_, i) => random() * 100 < (flagRates[i] as number) / (i >= 2 ? 4 : 1),
        ),
        outcome: WEEKS.map(() => random() * 100 < outcomeRate),
      }
    })
    // to date: once the outcome happened it stays (cumulative); per period: each week on its own
    if (toDate)
      for (const s of students)
        for (let w = 1; w < WEEKS.length; w++) s.outcome[w] ||= s.outcome[w - 1] as boolean
    const tables = WEEKS.map((period, w) => {
      const cell = (groupId: string, members: typeof students) => ({
        groupId,
        n: members.length,
        numerator: members.filter((s) => s.outcome[w]).length,
      })
      return {
        period,
        cells: [
          cell('ALL', students),
          ...races.map((r) =>
            cell(
              r,
              students.filter((s) => s.race === r),
            ),
          ),
          cell(
            'F',
            students.filter((s) => s.gender === 'F'),
          ),
          cell(
            'M',
            students.filter((s) => s.gender === 'M'),
          ),
          ...['EL', 'SWD', 'FOS', 'HOM'].map((f) =>
            cell(
              f,
              students.filter((s) => s.flags.includes(f)),
            ),
          ),
        ],
      }
    })
    return { tables, toDate }
  })

/** Whether every non-empty cell of the period (derived "all other than" cells included) is hidden. */
function everythingHidden(
  tables: readonly ReleaseTableInput[],
  release: ReturnType<typeof decideSeriesRelease>,
  period: string,
): boolean {
  const table = tables.find((t) => t.period === period) as ReleaseTableInput
  const all = table.cells.find((c) => c.groupId === 'ALL')?.n ?? 0
  const flags = new Set(['EL', 'SWD', 'FOS', 'HOM'])
  return table.cells.every((c) => {
    const hidden = (id: string) => release.cell(period, id).kind === 'suppressed'
    const n = c.n ?? 0
    if (n > 0 && !hidden(c.groupId)) return false
    return !flags.has(c.groupId) || all - n === 0 || hidden(otherThanCellId(c.groupId))
  })
}

describe('attack suite: generated districts', () => {
  it('no small cell is recovered exactly and every interval spans the rule', () => {
    fc.assert(
      fc.property(schoolArbitrary, ({ tables, toDate }) => {
        const seriesRule: ReleaseRule = { ...rule, accumulation: toDate ? 'to_date' : 'period' }
        const release = decideSeriesRelease({ tables, groups, rule: seriesRule })
        for (const knowsSizes of [false, true]) {
          const report = attackSeries({ tables, groups, rule: seriesRule }, (p, id) => release.cell(p, id), {
            reasonsVisible: true,
            protectionWidth: DEFAULT_PROTECTION_WIDTH,
            knowsSizes,
          })
          expect(report.findings).toEqual([])
        }
      }),
      { numRuns: 100 },
    )
  }, 120_000)

  it('holds for other thresholds and protection widths (DE 16, NY 5; widths 1–5)', () => {
    fc.assert(
      fc.property(
        schoolArbitrary,
        fc.constantFrom(5, 10, 16),
        fc.integer({ min: 1, max: 5 }),
        ({ tables, toDate }, threshold, protectionWidth) => {
          const seriesRule: ReleaseRule = {
            ...rule,
            threshold,
            protectionWidth,
            accumulation: toDate ? 'to_date' : 'period',
          }
          const release = decideSeriesRelease({ tables, groups, rule: seriesRule })
          for (const knowsSizes of [false, true]) {
            const report = attackSeries(
              { tables, groups, rule: seriesRule },
              (p, id) => release.cell(p, id),
              {
                reasonsVisible: true,
                protectionWidth,
                knowsSizes,
              },
            )
            // A school so small that every non-empty cell is hidden can still be narrowed by the labels
            // themselves ("n < 5" on three cells of a school of 6): nothing more can be hidden there.
            // Anywhere else, nothing; and never an exact value.
            const elsewhere = report.findings.filter(
              (f) => f.exact || !everythingHidden(tables, release, f.period),
            )
            expect(elsewhere).toEqual([])
          }
        },
      ),
      { numRuns: 60 },
    )
  }, 120_000)

  it('the decision is deterministic and does not depend on the order of cells or groups', () => {
    fc.assert(
      fc.property(schoolArbitrary, ({ tables, toDate }) => {
        const seriesRule: ReleaseRule = { ...rule, accumulation: toDate ? 'to_date' : 'period' }
        const a = decideSeriesRelease({ tables, groups, rule: seriesRule })
        const shuffled = [...tables].reverse().map((t) => ({ ...t, cells: [...t.cells].reverse() }))
        const b = decideSeriesRelease({ tables: shuffled, groups: [...groups].reverse(), rule: seriesRule })
        for (const period of a.periods)
          expect([...b.table(period)].sort()).toEqual([...a.table(period)].sort())
      }),
      { numRuns: 50 },
    )
  })

  it('small cells are always hidden as primary; empty cells are never hidden', () => {
    fc.assert(
      fc.property(schoolArbitrary, ({ tables }) => {
        const release = decideSeriesRelease({ tables, groups, rule })
        for (const table of tables)
          for (const cell of table.cells) {
            const decision = release.cell(table.period, cell.groupId)
            if ((cell.n as number) > 0 && (cell.n as number) < 10)
              expect(decision).toEqual({ kind: 'suppressed', reason: 'primary' })
            if (cell.n === 0) expect(decision.kind).not.toBe('suppressed')
          }
      }),
      { numRuns: 50 },
    )
  })

  it('the attacker finds exact recoveries in the rule before ADR 016 (the suite can fail)', () => {
    // complementary suppression without the audit, as before: a leftover of 0 % is found
    const table = tableOf('2025-09-01', {
      ALL: [586, 75],
      AA: [100, 20],
      AI: [6, 0],
      AS: [60, 10],
      HI: [408, 45],
      WH: [12, 0],
    })
    const plain = decideSeriesRelease({ tables: [table], groups, rule }, { audit: false, coding: false })
    const report = attackSeries({ tables: [table], groups, rule }, (p, id) => plain.cell(p, id), {
      reasonsVisible: true,
      protectionWidth: DEFAULT_PROTECTION_WIDTH,
    })
    expect(report.findings.filter((f) => f.exact).map((f) => f.cellId)).toContain('AI')
  })
})
