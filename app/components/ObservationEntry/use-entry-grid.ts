import { type MeasureRules, observationRowProblems, usesNumeratorDenominator } from '@pdsa/domain'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { RouterOutputs } from '~/lib/types'

type Observation = RouterOutputs['observation']['entryGrid']['observations'][number]
export type Field = 'value' | 'numerator' | 'denominator'
export type Draft = Record<Field, string>
export type CellErrors = Partial<Record<Field, string>>
export interface GridRow {
  key: string
  studentGroupId: string
  period: string
  value: number | null
  numerator: number | null
  denominator: number | null
}

export const cellKey = (period: string, groupId: string) => `${period}|${groupId}`
const EMPTY: Draft = { value: '', numerator: '', denominator: '' }

function toDraft(o: Observation | undefined, ratio: boolean): Draft {
  if (!o) return EMPTY
  return {
    value: !ratio && o.value !== null ? String(o.value) : '',
    numerator: o.numerator !== null ? String(o.numerator) : '',
    denominator: o.denominator !== null ? String(o.denominator) : '',
  }
}

function parse(text: string): { value: number | null; error?: string } {
  const t = text.trim().replace(/,/g, '')
  if (t === '') return { value: null }
  const n = Number(t)
  return Number.isFinite(n) ? { value: n } : { value: null, error: 'Not a number.' }
}

/** The entry grid's state: what was loaded, what was typed, what is wrong with it, and what to send. */
export function useEntryGrid(measure: MeasureRules, observations: readonly Observation[] | undefined) {
  const ratio = usesNumeratorDenominator(measure.unit)
  const originals = useMemo(
    () => new Map((observations ?? []).map((o) => [cellKey(o.period, o.studentGroup.id), o])),
    [observations],
  )
  const originalDrafts = useMemo(
    () => new Map([...originals].map(([key, o]) => [key, toDraft(o, ratio)])),
    [originals, ratio],
  )
  const originalsRef = useRef(originals)
  originalsRef.current = originals
  const [drafts, setDrafts] = useState<Record<string, Draft>>({})
  const [errors, setErrors] = useState<Record<string, CellErrors>>({})

  const draftOf = (key: string) => drafts[key] ?? originalDrafts.get(key) ?? EMPTY
  const setField = useCallback(
    (key: string, field: Field, text: string) => {
      setDrafts((d) => ({
        ...d,
        [key]: { ...(d[key] ?? toDraft(originalsRef.current.get(key), ratio)), [field]: text },
      }))
      setErrors((e) => {
        if (!e[key]) return e
        const { [key]: _dropped, ...rest } = e
        return rest
      })
    },
    [ratio],
  )
  const dirtyKeys = Object.keys(drafts).filter((key) => {
    const a = drafts[key] as Draft
    const b = toDraft(originals.get(key), ratio)
    return (
      a.value.trim() !== b.value ||
      a.numerator.trim() !== b.numerator ||
      a.denominator.trim() !== b.denominator
    )
  })

  /** Rows to save and observation ids to delete, or the problems to show on the cells. */
  function prepare(today: string) {
    const rows: GridRow[] = []
    const deletes: string[] = []
    const problems: Record<string, CellErrors> = {}
    const first: Field = ratio ? 'numerator' : 'value'
    for (const key of dirtyKeys) {
      const [period, studentGroupId] = key.split('|') as [string, string]
      const d = drafts[key] as Draft
      const cell: CellErrors = {}
      const value = ratio ? { value: null } : parse(d.value)
      const numerator = ratio ? parse(d.numerator) : { value: null }
      const denominator = ratio ? parse(d.denominator) : { value: null }
      for (const [field, p] of [
        ['value', value],
        ['numerator', numerator],
        ['denominator', denominator],
      ] as const) {
        if (p.error) cell[field] = p.error
      }
      const empty = value.value === null && numerator.value === null && denominator.value === null
      if (empty && Object.keys(cell).length === 0) {
        const original = originals.get(key)
        if (original) deletes.push(original.id)
        continue
      }
      if (ratio && numerator.value === null && !cell.numerator) cell.numerator = 'Needs a numerator too.'
      if (ratio && denominator.value === null && !cell.denominator)
        cell.denominator = 'Needs a denominator too.'
      if (denominator.value !== null && denominator.value <= 0) cell.denominator = 'Must be above 0.'
      if (numerator.value !== null && numerator.value < 0) cell.numerator = 'Cannot be negative.'
      const row = {
        key,
        studentGroupId,
        period,
        value: value.value,
        numerator: numerator.value,
        denominator: denominator.value,
      }
      if (Object.keys(cell).length === 0) {
        for (const p of observationRowProblems(row, measure, today)) {
          const field = p.field === 'period' ? first : p.field
          cell[field] ??= p.message
        }
      }
      if (Object.keys(cell).length > 0) problems[key] = cell
      else rows.push(row)
    }
    return { rows, deletes, problems }
  }

  /** Puts the server's "observations.3.numerator" errors back on the cells they came from. */
  function applyServerErrors(fieldErrors: Record<string, string[]>, rows: readonly GridRow[]) {
    const next: Record<string, CellErrors> = {}
    for (const [path, messages] of Object.entries(fieldErrors)) {
      const match = /^observations\.(\d+)\.(\w+)$/.exec(path)
      const row = match ? rows[Number(match[1])] : undefined
      if (!row || !match) continue
      const field: Field = ['value', 'numerator', 'denominator'].includes(match[2] as string)
        ? (match[2] as Field)
        : ratio
          ? 'numerator'
          : 'value'
      next[row.key] = { ...next[row.key], [field]: messages[0] ?? 'Not valid.' }
    }
    setErrors(next)
  }

  const reset = () => {
    setDrafts({})
    setErrors({})
  }
  return {
    ratio,
    originals,
    draftOf,
    setField,
    dirtyKeys,
    errors,
    setErrors,
    prepare,
    applyServerErrors,
    reset,
  }
}
