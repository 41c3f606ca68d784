// What the linked-metric view shows around the chart: the measure, the school, the groups to pick from.
import type { Cadence, ChartType, MeasureUnit } from '@pdsa/domain'
import type { PrivacyContext } from './privacy-context.ts'

export function measureSeriesMeta(
  measure: {
    id: string
    code: string
    name: string
    unit: string
    chartType: string
    cadence: string
    higherIsBetter: boolean
    multiplier: number
    isAdverseEvent: boolean
  },
  school: { id: string; name: string },
  privacy: PrivacyContext,
  withData: ReadonlySet<string>,
) {
  return {
    measure: {
      id: measure.id,
      code: measure.code,
      name: measure.name,
      unit: measure.unit as MeasureUnit,
      chartType: measure.chartType as ChartType,
      cadence: measure.cadence as Cadence,
      higherIsBetter: measure.higherIsBetter,
      multiplier: measure.multiplier,
      isAdverseEvent: measure.isAdverseEvent,
    },
    school: { id: school.id, name: school.name },
    /** Cells with fewer students than this are hidden ("n < threshold"). */
    threshold: privacy.threshold,
    allGroupId: privacy.allGroup?.id ?? null,
    groups: privacy.groups.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      category: g.category,
      hasData: withData.has(g.id),
    })),
  }
}
