import type { CyclePurpose } from '@pdsa/domain'
import type { RouterOutputs } from '~/lib/types'

export type CycleFormOptions = RouterOutputs['cycle']['formOptions']
export type CycleView = RouterOutputs['cycle']['byId']

export interface CycleFormValues {
  title: string
  goalId: string | null
  changeIdeaId: string | null
  purpose: CyclePurpose
  scale: string
  plannedStart: string | null
  plannedEnd: string | null
  ownerId: string | null
  testers: string
  actualStart: string | null
  actualEnd: string | null
  lagDays: number | string
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** Empty values for a new cycle; a ramp's next cycle starts from the previous one. */
export function initialCycleValues(previous?: CycleView, cycle?: CycleView): CycleFormValues {
  const from = cycle ?? previous
  const start = previous ? addDays(previous.actualEnd ?? previous.plannedEnd, 3) : null
  const length = previous
    ? Math.round((Date.parse(previous.plannedEnd) - Date.parse(previous.plannedStart)) / 86_400_000)
    : 0
  return {
    title: cycle?.title ?? (previous ? `${previous.title} (cycle ${previous.cycleNumber + 1})` : ''),
    goalId: from?.goal?.id ?? null,
    changeIdeaId: from?.changeIdea?.id ?? null,
    purpose: from?.purpose ?? 'test_a_change',
    scale: from?.scale ?? '',
    plannedStart: cycle?.plannedStart ?? start,
    plannedEnd: cycle?.plannedEnd ?? (start ? addDays(start, length) : null),
    ownerId: from?.owner?.id ?? null,
    testers: from?.testers ?? '',
    actualStart: cycle?.actualStart ?? null,
    actualEnd: cycle?.actualEnd ?? null,
    lagDays: cycle?.lagDays ?? 0,
  }
}

export function validateCycleValues(v: CycleFormValues) {
  return {
    title: v.title.trim() ? null : 'Give the cycle a short title.',
    plannedStart: v.plannedStart ? null : 'Pick the planned start.',
    plannedEnd: !v.plannedEnd
      ? 'Pick the planned end.'
      : v.plannedStart && v.plannedEnd < v.plannedStart
        ? 'The planned end is before the planned start.'
        : null,
    actualEnd:
      v.actualStart && v.actualEnd && v.actualEnd < v.actualStart
        ? 'The actual end is before the actual start.'
        : null,
  }
}

/** The fields shared by create and update. Empty required fields go as they are, so the server names them. */
export function toCycleInput(v: CycleFormValues) {
  return {
    title: v.title,
    goalId: v.goalId,
    changeIdeaId: v.changeIdeaId,
    purpose: v.purpose,
    scale: v.scale,
    ownerId: v.ownerId,
    testers: v.testers,
    plannedStart: v.plannedStart ?? '',
    plannedEnd: v.plannedEnd ?? '',
  }
}
