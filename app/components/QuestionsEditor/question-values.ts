import { type Confirmation, formatMeasureValue, type MeasureUnit } from '@pdsa/domain'
import type { CycleView } from '~/components/NewCycleModal'

export type CycleQuestion = CycleView['questions'][number]
export type LinkedMeasure = CycleView['measures'][number]
type NumberField = number | string

export interface QuestionValues {
  id: string | undefined
  /** A stable key for React while the question has no id yet. */
  key: string
  question: string
  prediction: string
  measureId: string | null
  kind: 'none' | 'value' | 'range'
  predictedValue: NumberField
  predictedMin: NumberField
  predictedMax: NumberField
  result: string
  resultValue: NumberField
  learning: string
  confirmed: Confirmation | null
}

const num = (v: number | null): NumberField => v ?? ''
export const toNumber = (v: NumberField): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() !== ''
      ? Number(v)
      : null

export function toQuestionValues(q: CycleQuestion): QuestionValues {
  const kind =
    q.predictedValue !== null
      ? 'value'
      : q.predictedMin !== null || q.predictedMax !== null
        ? 'range'
        : 'none'
  return {
    id: q.id,
    key: q.id,
    question: q.question,
    prediction: q.prediction,
    measureId: q.measureId,
    kind,
    predictedValue: num(q.predictedValue),
    predictedMin: num(q.predictedMin),
    predictedMax: num(q.predictedMax),
    result: q.result,
    resultValue: num(q.resultValue),
    learning: q.learning,
    confirmed: q.confirmed,
  }
}

let keys = 0
export function emptyQuestion(): QuestionValues {
  keys += 1
  return {
    id: undefined,
    key: `new-${keys}`,
    question: '',
    prediction: '',
    measureId: null,
    kind: 'none',
    predictedValue: '',
    predictedMin: '',
    predictedMax: '',
    result: '',
    resultValue: '',
    learning: '',
    confirmed: null,
  }
}

/** A new question nothing has been written in yet (not saved, not validated, nothing to lose). */
export function isBlankQuestion(v: QuestionValues): boolean {
  const { id: _id, key: _key, ...fields } = v
  const { id: _eid, key: _ekey, ...empty } = emptyQuestion()
  return !v.id && JSON.stringify(fields) === JSON.stringify(empty)
}

/** The procedure input for one question: the quantified prediction only in the chosen form. */
export function toQuestionInput(v: QuestionValues) {
  const quantified = v.kind !== 'none'
  return {
    ...(v.id ? { id: v.id } : {}),
    question: v.question,
    prediction: v.prediction,
    measureId: quantified ? v.measureId : null,
    predictedValue: v.kind === 'value' ? toNumber(v.predictedValue) : null,
    predictedMin: v.kind === 'range' ? toNumber(v.predictedMin) : null,
    predictedMax: v.kind === 'range' ? toNumber(v.predictedMax) : null,
    result: v.result,
    resultValue: quantified ? toNumber(v.resultValue) : null,
    learning: v.learning,
    confirmed: v.confirmed,
  }
}

/** "28.0%" or "27.0% to 28.0%" in the measure's unit, or null when the prediction is not quantified. */
export function describePredictedValue(q: CycleQuestion): string | null {
  if (!q.measure) return null
  const unit = q.measure.unit as MeasureUnit
  if (q.predictedValue !== null) return `${formatMeasureValue(q.predictedValue, unit)} (${q.measure.name})`
  if (q.predictedMin !== null || q.predictedMax !== null) {
    return `${formatMeasureValue(q.predictedMin, unit)} to ${formatMeasureValue(q.predictedMax, unit)} (${q.measure.name})`
  }
  return null
}
