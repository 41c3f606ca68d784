import type { Direction } from '@pdsa/domain'
import type { CycleView } from '~/components/NewCycleModal'

export interface LinkedMeasureValues {
  key: string
  measureId: string | null
  studentGroupId: string | null
  expectedDirection: Direction
  operationalDefinition: string
  collectedBy: string
  collectionSchedule: string
  analysedBy: string
  qualitativeData: string
}

export const toLinkedValues = (m: CycleView['measures'][number]): LinkedMeasureValues => ({
  key: m.measureId,
  measureId: m.measureId,
  studentGroupId: m.studentGroupId,
  expectedDirection: m.expectedDirection,
  operationalDefinition: m.operationalDefinition,
  collectedBy: m.collectedBy,
  collectionSchedule: m.collectionSchedule,
  analysedBy: m.analysedBy,
  qualitativeData: m.qualitativeData,
})

let keys = 0
export function emptyLinked(): LinkedMeasureValues {
  keys += 1
  return {
    key: `new-${keys}`,
    measureId: null,
    studentGroupId: null,
    expectedDirection: 'increase',
    operationalDefinition: '',
    collectedBy: '',
    collectionSchedule: '',
    analysedBy: '',
    qualitativeData: '',
  }
}

export const toLinkedInput = ({ key: _k, measureId, ...m }: LinkedMeasureValues) => ({
  measureId: measureId ?? '',
  ...m,
})
