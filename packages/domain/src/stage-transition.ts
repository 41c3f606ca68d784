// Stage transitions as the team confirms them: the dates a move forward sets (editable, checked here),
// what it locks, and the one-stage move back a team lead may make with a reason (ADR 025).
import { CYCLE_STAGES, type CycleStage, STAGE_LABELS, type TransitionProblem } from './cycle.ts'
import type { Actor, TeamScope } from './roles.ts'

/** How far before its planned start a test may have really started before the date looks like a typo. */
export const MAX_DAYS_BEFORE_PLANNED_START = 60

const DAY_MS = 86_400_000
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** The stage before `stage`, or null for Plan. */
export function previousStage(stage: CycleStage): CycleStage | null {
  const i = CYCLE_STAGES.indexOf(stage)
  return i > 0 ? (CYCLE_STAGES[i - 1] ?? null) : null
}

/** Which actual date a move forward into `to` records, if any. */
export function transitionDateField(to: CycleStage): 'actualStart' | 'actualEnd' | null {
  if (to === 'do') return 'actualStart'
  if (to === 'study') return 'actualEnd'
  return null
}

export interface TransitionDateFacts {
  plannedStart: string
  plannedEnd: string
  actualStart: string | null
  actualEnd: string | null
}

/**
 * The date the confirmation dialog proposes for the move into `to`: the one already recorded, if any,
 * else today.
 */
export function proposedTransitionDate(to: CycleStage, cycle: TransitionDateFacts, today: string) {
  const field = transitionDateField(to)
  if (!field) return null
  return { field, date: cycle[field] ?? today }
}

/**
 * Problems with the dates a move forward would record: no date in the future, a start no more than
 * MAX_DAYS_BEFORE_PLANNED_START days before the planned start, an end not before the start.
 */
export function checkTransitionDates(
  to: CycleStage,
  cycle: TransitionDateFacts,
  dates: { actualStart?: string | undefined; actualEnd?: string | undefined },
  today: string,
): TransitionProblem[] {
  const problems: TransitionProblem[] = []
  const field = transitionDateField(to)
  for (const key of ['actualStart', 'actualEnd'] as const) {
    if (dates[key] !== undefined && key !== field) {
      problems.push({
        field: key,
        message: `Moving to ${STAGE_LABELS[to]} does not set the actual ${key === 'actualStart' ? 'start' : 'end'}.`,
      })
    }
  }
  if (field === 'actualStart' && dates.actualStart !== undefined) {
    const start = dates.actualStart
    if (start > today) problems.push({ field, message: 'The test cannot have started after today.' })
    const earliest = addDays(cycle.plannedStart, -MAX_DAYS_BEFORE_PLANNED_START)
    if (start < earliest) {
      problems.push({
        field,
        message: `The actual start is ${dayNumber(cycle.plannedStart) - dayNumber(start)} days before the planned start: change the planned dates first if the test really started then.`,
      })
    }
  }
  if (field === 'actualEnd' && dates.actualEnd !== undefined) {
    const end = dates.actualEnd
    if (end > today) problems.push({ field, message: 'The test cannot have ended after today.' })
    const start = cycle.actualStart ?? cycle.plannedStart
    if (end < start) {
      problems.push({
        field,
        message: `The actual end cannot be before the test started (${start}).`,
      })
    }
  }
  return problems
}

/** What a move forward into `to` locks or records, in the team's words (shown in the confirmation). */
export const TRANSITION_CONSEQUENCES: Partial<Record<CycleStage, string>> = {
  do: 'The test starts: the questions and predictions are locked (they stay locked even if the cycle is moved back), and a version of the worksheet is kept.',
  study:
    'The test ends: the cycle’s data window closes at the actual end date (plus any lag), and a version of the worksheet is kept.',
  act: 'The results are compared with the predictions, and a version of the worksheet is kept.',
  complete:
    'The worksheet becomes read-only and the decision is recorded on the change idea, and a version of the worksheet is kept.',
}

/** Predictions are locked from the first move into Do on, even if the cycle goes back to Plan. */
export function arePredictionsLockedFor(cycle: {
  stage: CycleStage
  predictionsLockedAt: Date | string | null
}): boolean {
  return cycle.stage !== 'plan' || cycle.predictionsLockedAt !== null
}

/** Only the team's lead moves a cycle back (a correction of the team's record, not a routine step). */
export function canMoveCycleBack(actor: Actor, scope: TeamScope): boolean {
  return actor.grants.some((g) => g.teamId === scope.teamId && g.role === 'team_lead')
}

/** The dates a move back clears: the one the stage being left set (it will be set again on the way forward). */
export function datesClearedByMovingBack(from: CycleStage): ('actualStart' | 'actualEnd')[] {
  if (from === 'do') return ['actualStart']
  if (from === 'study') return ['actualEnd']
  return []
}
