// The shape in which the change ideas and their PDSA cycles are written: prose a team would write,
// with dates and results filled in by the builder from the calendar and the simulated data.
import type {
  ActDecision,
  ChangeIdeaStatus,
  Confirmation,
  CyclePurpose,
  CycleStage,
  Direction,
} from '@pdsa/domain'
import type { DriverRef } from '../drivers.ts'
import type { MeasureCode } from '../measures.ts'
import type { WeekWindow } from '../storylines.ts'
import type { GroupCode } from '../student-groups.ts'
import type { DemoCycleExpectation } from '../types.ts'

/** A storyline window of a past year, or weeks relative to the Monday of today's week. */
export type CycleTiming = { window: WeekWindow } | { startWeek: number; weeks: number }

/** Read-only access to the data around a cycle, for the Study write-up. */
export interface CycleData {
  startLabel: string
  endLabel: string
  /** Last value before the cycle started. */
  before(measure: MeasureCode, group?: GroupCode): number | null
  /** Last value inside the cycle window (end + lag included). */
  after(measure: MeasureCode, group?: GroupCode): number | null
  /** Median over the window. */
  windowMedian(measure: MeasureCode, group?: GroupCode): number | null
  /** Median over the eight data points before the start. */
  baselineMedian(measure: MeasureCode, group?: GroupCode): number | null
  /** Gap focal − all other students, last value in the window and last before it. */
  gapBefore(measure: MeasureCode, group: GroupCode): number | null
  gapAfter(measure: MeasureCode, group: GroupCode): number | null
  fmt(measure: MeasureCode, value: number | null): string
}

export type Text = string | ((data: CycleData) => string)

export interface QuestionScript {
  q: string
  /** Empty only for a plan-stage cycle that should trip the "no prediction" check. */
  prediction: Text
  /** A prediction in a linked measure's unit; the result is read from the data. */
  quantified?: {
    measure: MeasureCode
    group?: GroupCode
    /** A predicted value (± tolerance) or a range. */
    value?: number
    tolerance?: number
    range?: readonly [number, number]
    read?: 'after' | 'windowMedian'
  }
  /** Study: the result, for questions not read from the data (or added to the data reading). */
  result?: Text
  learning?: string
  confirmed?: Confirmation
}

export interface MeasureLink {
  measure: MeasureCode
  group?: GroupCode
  direction: Direction
  definition?: string
  collectedBy: string
  schedule: string
  analysedBy: string
  qualitative?: string
}

export interface TaskScript {
  what: string
  /** Index of the team member (0 = lead), or a name. */
  who: number | string
  /** Days from the planned start (negative: before it). */
  day: number
  where?: string
}

export interface CycleScript {
  key: string
  title: string
  scale: string
  purpose: CyclePurpose
  stage: CycleStage
  timing: CycleTiming
  lagDays?: number
  /** Team member index of the owner (default 0, the lead). */
  owner?: number
  testers: string
  drivers: readonly DriverRef[]
  objective: string
  hypothesis: string
  questionsNote?: string
  predictionsNote?: string
  plan: string
  tasks: readonly TaskScript[]
  questions: readonly QuestionScript[]
  measures: readonly MeasureLink[]
  /** Do: what happened so far (do stage) or in full (later stages). */
  doNotes?: string
  carriedOutAsPlanned?: boolean
  study?: Text
  /** Overrides the confirmation computed from the questions. */
  confirmed?: Confirmation
  decision?: ActDecision
  act?: Text
  spreadPlan?: string
  /** Days since anyone touched the worksheet (default: a few days for open cycles). */
  untouchedDays?: number
  expect?: readonly DemoCycleExpectation[]
}

export interface IdeaScript {
  key: string
  goalKey: string
  teamKey: string
  title: string
  description: string
  mtssTier: 1 | 2 | 3 | null
  evidenceLinks?: readonly string[]
  drivers: readonly DriverRef[]
  /** Without cycles the status is "idea" unless given. */
  status?: ChangeIdeaStatus
  /** The ramp, in order: each cycle follows the one before it. */
  cycles: readonly CycleScript[]
}
