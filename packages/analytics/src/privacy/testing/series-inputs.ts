// Release inputs from a district's observations (the demo district's shape), and the release of the
// rule before ADR 016 (ADR 011 §2, per period, programs only), for the attack suite and the benchmark.
import type { CellRelease, NumeratorKind, ReleaseGroup, ReleaseRule, ReleaseTableInput } from '../release.ts'
import { type AdditiveRelation, type SuppressionCell, suppressCells } from '../suppress-cells.ts'

export interface DistrictObservation {
  measureCode: string
  schoolCode: string
  groupCode: string
  period: string
  numerator: number | null
  denominator: number | null
}

export interface DistrictMeasure {
  code: string
  chartType: string
  accumulation: 'period' | 'to_date'
}

export interface SeriesInput {
  measureCode: string
  schoolCode: string
  tables: ReleaseTableInput[]
  groups: ReleaseGroup[]
  rule: ReleaseRule
}

/** What a measure's numerator is, from its chart type: p → share of n; u, c → count; i → signed sum. */
export function numeratorKindOf(chartType: string): NumeratorKind {
  if (chartType === 'p') return 'share'
  if (chartType === 'u' || chartType === 'c') return 'count'
  return 'signed'
}

export function districtSeriesInputs(district: {
  observations: readonly DistrictObservation[]
  measures: readonly DistrictMeasure[]
  studentGroups: readonly { code: string; category: ReleaseGroup['category']; sortOrder: number }[]
  district: { suppressionThreshold: number; schoolYearStart: string }
}): SeriesInput[] {
  const groups: ReleaseGroup[] = district.studentGroups.map((g) => ({
    id: g.code,
    category: g.category,
    sortOrder: g.sortOrder,
  }))
  const measureOf = new Map(district.measures.map((m) => [m.code, m]))
  const bySeries = new Map<string, Map<string, ReleaseTableInput>>()
  for (const o of district.observations) {
    const key = `${o.measureCode}|${o.schoolCode}`
    let tables = bySeries.get(key)
    if (!tables) {
      tables = new Map()
      bySeries.set(key, tables)
    }
    let table = tables.get(o.period)
    if (!table) {
      table = { period: o.period, cells: [] }
      tables.set(o.period, table)
    }
    ;(table.cells as { groupId: string; n: number | null; numerator: number | null }[]).push({
      groupId: o.groupCode,
      n: o.denominator,
      numerator: o.numerator,
    })
  }
  return [...bySeries].map(([key, tables]) => {
    const [measureCode, schoolCode] = key.split('|') as [string, string]
    const measure = measureOf.get(measureCode)
    return {
      measureCode,
      schoolCode,
      tables: [...tables.values()].sort((a, b) => (a.period < b.period ? -1 : 1)),
      groups,
      rule: {
        threshold: district.district.suppressionThreshold,
        accumulation: measure?.accumulation ?? 'period',
        schoolYearStart: district.district.schoolYearStart,
        numeratorKind: numeratorKindOf(measure?.chartType ?? 'i'),
      },
    }
  })
}

/**
 * The release before ADR 016: per period, primary and complementary suppression over race and gender
 * partitions and program groups (not `other`, not intersections), no coding, nothing carried over time.
 */
export function releaseBeforeAdr016(series: SeriesInput): (period: string, cellId: string) => CellRelease {
  const categoryOf = new Map(series.groups.map((g) => [g.id, g.category]))
  const hidden = new Map<string, Set<string>>()
  for (const table of series.tables) {
    const counted = table.cells.filter((c) => c.n !== null) as { groupId: string; n: number }[]
    const cells: SuppressionCell[] = counted.map((c) => ({ id: c.groupId, n: c.n }))
    const relations: AdditiveRelation[] = []
    const total = counted.find((c) => categoryOf.get(c.groupId) === 'all')
    if (total) {
      for (const category of ['race_ethnicity', 'gender']) {
        const members = counted.filter((c) => categoryOf.get(c.groupId) === category).map((c) => c.groupId)
        if (members.length >= 2) relations.push({ total: total.groupId, members })
      }
      for (const cell of counted) {
        if (categoryOf.get(cell.groupId) !== 'program') continue
        const other = `other-than:${cell.groupId}`
        cells.push({ id: other, n: Math.max(0, total.n - cell.n) })
        relations.push({ total: total.groupId, members: [cell.groupId, other] })
      }
    }
    const outcome = suppressCells({ cells, relations, threshold: series.rule.threshold })
    if (!outcome.ok) throw new Error(outcome.issues.join('; '))
    const set = new Set(Object.keys(outcome.result.suppressed))
    // a derived cell the product computes from its group and all students is hidden with either
    const all = total?.groupId
    for (const cell of counted) {
      const id = `other-than:${cell.groupId}`
      if (!set.has(id) && (set.has(cell.groupId) || (all !== undefined && set.has(all)))) set.add(id)
    }
    hidden.set(table.period, set)
  }
  return (period, cellId) =>
    hidden.get(period)?.has(cellId) ? { kind: 'suppressed', reason: 'primary' } : { kind: 'shown' }
}
