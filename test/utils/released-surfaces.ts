// What one caller sees of a (measure, school) series on every surface that shows its cells, gathered
// through the tRPC API as the browser would: the disaggregated chart, the data table, the CSV export, the
// gap view of each group, the equity matrix. Used by the privacy tests (docs/decisions/017) to compare the
// surfaces with each other and to attack what a role can read.
import Papa from 'papaparse'
import type { callerFor } from './caller.ts'

type Caller = ReturnType<typeof callerFor>

/** One surface's view of one cell: its numbers when shown, a range when coded, or hidden. */
export type SeenCell =
  | { kind: 'shown'; value: number; numerator: number | null; denominator: number | null }
  | { kind: 'coded'; bound: 'at_most' | 'at_least'; percent: number }
  | { kind: 'hidden'; smallCell: boolean }

/** surface → `${period}|${groupId}` → what it shows. */
export type SurfaceViews = Map<string, Map<string, SeenCell>>

export const cellKey = (period: string, groupId: string) => `${period}|${groupId}`

function view(views: SurfaceViews, surface: string): Map<string, SeenCell> {
  const existing = views.get(surface)
  if (existing) return existing
  const created = new Map<string, SeenCell>()
  views.set(surface, created)
  return created
}

const CODED = /^([≤≥])(\d+(?:\.\d+)?)%$/

/**
 * Every surface's cells of the series, as `caller` sees them. `groups` are the district's groups (id,
 * code, category); gap views are opened for every group but all students.
 */
export async function gatherSurfaces(
  caller: Caller,
  args: {
    measureId: string
    schoolId: string
    groups: readonly { id: string; code: string; category: string }[]
    threshold: number
    /** Open gap views only for groups of these categories (default: every group but all students). */
    gapCategories?: readonly string[]
  },
): Promise<SurfaceViews> {
  const views: SurfaceViews = new Map()
  const { measureId, schoolId } = args
  const chart = await caller.analytics.measureSeries({ measureId, schoolId, view: 'disaggregated' })
  for (const s of chart.series) {
    for (const p of s.points) {
      view(views, 'chart').set(
        cellKey(p.period, s.groupId),
        p.suppressed || p.value === null
          ? { kind: 'hidden', smallCell: false }
          : { kind: 'shown', value: p.value, numerator: p.numerator, denominator: p.denominator },
      )
    }
  }
  const table = await caller.observation.list({ measureId, schoolId, latestPeriods: 1000 })
  for (const o of table.observations) {
    view(views, 'table').set(
      cellKey(o.period, o.studentGroup.id),
      o.coded
        ? { kind: 'coded', ...o.coded }
        : o.suppressed || o.value === null
          ? { kind: 'hidden', smallCell: o.suppressionReason === 'primary' }
          : { kind: 'shown', value: o.value, numerator: o.numerator, denominator: o.denominator },
    )
  }
  const csv = await caller.data.exportObservations({ measureId, schoolIds: [schoolId] })
  const parsed = Papa.parse<Record<string, string>>(csv.csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  })
  const groupByCode = new Map(args.groups.map((g) => [g.code, g.id]))
  for (const row of parsed.data) {
    const groupId = groupByCode.get(row.student_group ?? '') ?? ''
    const value = row.value ?? ''
    const coded = CODED.exec(value)
    view(views, 'csv').set(
      cellKey(row.period ?? '', groupId),
      row.suppressed === ''
        ? {
            kind: 'shown',
            value: Number(value),
            numerator: row.numerator === '' ? null : Number(row.numerator),
            denominator: row.denominator === '' ? null : Number(row.denominator),
          }
        : coded
          ? { kind: 'coded', bound: coded[1] === '≤' ? 'at_most' : 'at_least', percent: Number(coded[2]) }
          : { kind: 'hidden', smallCell: row.suppressed === `n<${args.threshold}` },
    )
  }
  for (const group of args.groups) {
    if (group.category === 'all') continue
    if (args.gapCategories && !args.gapCategories.includes(group.category)) continue
    const gap = await caller.analytics.measureSeries({
      measureId,
      schoolId,
      view: 'gap',
      focalGroupId: group.id,
    })
    for (const g of gap.gap?.series ?? []) {
      // The reference "all other students" is the derived cell of the release (a group without any
      // shown count is compared with all students instead).
      if (g.reference !== null && gap.gap?.referenceName === 'all other students') {
        view(views, 'gap reference').set(cellKey(g.period, `other-than:${group.id}`), {
          kind: 'shown',
          value: g.reference,
          numerator: null,
          denominator: null,
        })
      }
      view(views, 'gap').set(
        cellKey(g.period, group.id),
        g.focal === null
          ? { kind: 'hidden', smallCell: false }
          : { kind: 'shown', value: g.focal, numerator: null, denominator: null },
      )
    }
  }
  return views
}

/** The cells a surface does not show as their value (hidden or coded). */
export function notShown(cells: ReadonlyMap<string, SeenCell>): Set<string> {
  return new Set([...cells].filter(([, c]) => c.kind !== 'shown').map(([key]) => key))
}
