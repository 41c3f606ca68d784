// Common linked-measure set-ups (who collects what, when), so scripts stay short.
import type { Direction } from '@pdsa/domain'
import type { MeasureCode } from '../measures.ts'
import type { GroupCode } from '../student-groups.ts'
import type { MeasureLink } from './script.ts'

/** A measure pulled from the student information system every Monday. */
export function fromSis(
  measure: MeasureCode,
  group: GroupCode | undefined,
  direction: Direction,
  analysedBy: string,
  extra: Partial<MeasureLink> = {},
): MeasureLink {
  return {
    measure,
    ...(group ? { group } : {}),
    direction,
    collectedBy: 'District data office (automatic SIS extract)',
    schedule: 'every Monday for the week before',
    analysedBy,
    ...extra,
  }
}

/** A measure the team logs itself. */
export function teamLog(
  measure: MeasureCode,
  group: GroupCode | undefined,
  direction: Direction,
  collectedBy: string,
  analysedBy: string,
  extra: Partial<MeasureLink> = {},
): MeasureLink {
  return {
    measure,
    ...(group ? { group } : {}),
    direction,
    collectedBy,
    schedule: 'daily in the shared log, totalled on Fridays',
    analysedBy,
    ...extra,
  }
}
