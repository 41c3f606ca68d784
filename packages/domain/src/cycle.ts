// PDSA cycle rules: stages, the checks a coach expects before each stage transition, and the
// method checks (fidelity nudges) from the research on what PDSA write-ups most often miss.
import { type LinkedMeasureCadence, slowCadenceProblem } from './cadence-window.ts'
import type { ChangeIdeaStatus } from './enums.ts'

export const CYCLE_STAGES = ['plan', 'do', 'study', 'act', 'complete'] as const
export type CycleStage = (typeof CYCLE_STAGES)[number]

export const STAGE_LABELS: Record<CycleStage, string> = {
  plan: 'Plan',
  do: 'Do',
  study: 'Study',
  act: 'Act',
  complete: 'Complete',
}

export const CYCLE_PURPOSES = [
  'collect_information',
  'develop_a_change',
  'test_a_change',
  'implement_a_change',
] as const
export type CyclePurpose = (typeof CYCLE_PURPOSES)[number]
export const PURPOSE_LABELS: Record<CyclePurpose, string> = {
  collect_information: 'Collect information',
  develop_a_change: 'Develop a change',
  test_a_change: 'Test a change',
  implement_a_change: 'Implement a change',
}

export const CONFIRMATIONS = ['yes', 'partly', 'no'] as const
export type Confirmation = (typeof CONFIRMATIONS)[number]

export const ACT_DECISIONS = ['adopt', 'adapt', 'abandon'] as const
export type ActDecision = (typeof ACT_DECISIONS)[number]
export const DECISION_LABELS: Record<ActDecision, string> = {
  adopt: 'Adopt',
  adapt: 'Adapt',
  abandon: 'Abandon',
}

export const DIRECTIONS = ['increase', 'decrease'] as const
export type Direction = (typeof DIRECTIONS)[number]

/**
 * Narrative sections of the worksheet. Each is one fragment of the cycle's collaborative document
 * and one plain-text column (`<key>Text`) of the cycle row.
 */
export const NARRATIVE_SECTIONS = [
  {
    key: 'objective',
    stage: 'plan',
    label: 'Objective',
    hint: 'What is this cycle for? What will we learn or change?',
  },
  {
    key: 'hypothesis',
    stage: 'plan',
    label: 'Hypothesis',
    hint: 'Why should this change move the driver it targets?',
  },
  {
    key: 'questions',
    stage: 'plan',
    label: 'Questions',
    hint: 'Notes on the questions this test should answer.',
  },
  {
    key: 'predictions',
    stage: 'plan',
    label: 'Predictions',
    hint: 'Notes on what we expect to happen, and why.',
  },
  {
    key: 'plan',
    stage: 'plan',
    label: 'Test plan',
    hint: 'Who will do what, when and where? What materials are needed?',
  },
  {
    key: 'dataCollection',
    stage: 'plan',
    label: 'Data collection plan',
    hint: 'Who collects which data, when, and who analyses it?',
  },
  {
    key: 'do',
    stage: 'do',
    label: 'What happened',
    hint: 'Was it carried out as planned? Deviations, observations, problems, surprises.',
  },
  {
    key: 'study',
    stage: 'study',
    label: 'Study: results and learning',
    hint: 'Compare the results with the predictions. What did we learn?',
  },
  {
    key: 'act',
    stage: 'act',
    label: 'Act: rationale and next cycle',
    hint: 'Why adopt, adapt or abandon? What will the next cycle test?',
  },
] as const satisfies readonly { key: string; stage: CycleStage; label: string; hint: string }[]
export type NarrativeSectionKey = (typeof NARRATIVE_SECTIONS)[number]['key']
export const NARRATIVE_SECTION_KEYS = NARRATIVE_SECTIONS.map((s) => s.key) as NarrativeSectionKey[]
/** The Prisma column that mirrors a section's plain text. */
export const narrativeColumn = <K extends NarrativeSectionKey>(key: K) => `${key}Text` as `${K}Text`
export type NarrativeTexts = Record<NarrativeSectionKey, string>

/** What the transition checks and method checks look at. */
export interface CycleFacts {
  stage: CycleStage
  cycleNumber: number
  scale: string
  plannedStart: string // YYYY-MM-DD
  plannedEnd: string
  lastEditedAt: Date
  texts: Partial<NarrativeTexts>
  questions: readonly { question: string; prediction: string; result: string }[]
  /** The linked measures' names and cadences (the method checks ask whether each can fill the window). */
  linkedMeasures: readonly LinkedMeasureCadence[]
  /** Days after the end whose observations still count for the cycle. */
  lagDays: number
  carriedOutAsPlanned: boolean | null
  predictionsConfirmed: Confirmation | null
  decision: ActDecision | null
  spreadPlan: string
  /** Observations of the linked measures inside the cycle window (null when not counted). */
  observationsInWindow: number | null
  hasNextCycle: boolean
}

export interface TransitionProblem {
  field: string
  message: string
}

export type TransitionCheck = { ok: true } | { ok: false; problems: TransitionProblem[] }

const blank = (s: string | undefined | null) => !s || s.trim().length === 0

export function nextStage(stage: CycleStage): CycleStage | null {
  const i = CYCLE_STAGES.indexOf(stage)
  return i >= 0 && i < CYCLE_STAGES.length - 1 ? (CYCLE_STAGES[i + 1] ?? null) : null
}

/**
 * Whether a cycle may move from its stage to `to`. Cycles move forward one stage at a time;
 * each move needs what the stage it closes is meant to produce.
 */
export function checkStageTransition(cycle: CycleFacts, to: CycleStage): TransitionCheck {
  const expected = nextStage(cycle.stage)
  if (expected !== to) {
    return {
      ok: false,
      problems: [
        {
          field: 'stage',
          message:
            expected === null
              ? 'This cycle is complete; start a new cycle to test again.'
              : `A cycle in ${cycle.stage} can only move to ${expected}.`,
        },
      ],
    }
  }
  const problems: TransitionProblem[] = []
  if (to === 'do') {
    if (cycle.questions.length === 0) {
      problems.push({ field: 'questions', message: 'Add at least one question this test should answer.' })
    }
    cycle.questions.forEach((q, i) => {
      if (blank(q.prediction)) {
        problems.push({
          field: `questions.${i}.prediction`,
          message: `Write a prediction for question ${i + 1} before the test starts.`,
        })
      }
    })
    if (blank(cycle.texts.objective))
      problems.push({ field: 'objective', message: 'State the objective of the cycle.' })
    if (cycle.plannedEnd < cycle.plannedStart) {
      problems.push({ field: 'plannedEnd', message: 'The planned end is before the planned start.' })
    }
  }
  if (to === 'study') {
    if (cycle.carriedOutAsPlanned === null) {
      problems.push({
        field: 'carriedOutAsPlanned',
        message: 'Record whether the test was carried out as planned.',
      })
    }
    if (blank(cycle.texts.do)) {
      problems.push({ field: 'do', message: 'Describe what happened during the test.' })
    }
  }
  if (to === 'act') {
    cycle.questions.forEach((q, i) => {
      if (blank(q.result)) {
        problems.push({ field: `questions.${i}.result`, message: `Record the result for question ${i + 1}.` })
      }
    })
    if (cycle.predictionsConfirmed === null) {
      problems.push({ field: 'predictionsConfirmed', message: 'Say whether the predictions were confirmed.' })
    }
  }
  if (to === 'complete') {
    if (cycle.decision === null) {
      problems.push({ field: 'decision', message: 'Decide to adopt, adapt or abandon the change.' })
    }
    if (cycle.decision === 'adopt' && blank(cycle.spreadPlan)) {
      problems.push({
        field: 'spreadPlan',
        message: 'Adopting a change needs a plan to spread and sustain it.',
      })
    }
    if (blank(cycle.texts.act)) {
      problems.push({ field: 'act', message: 'Explain the decision and what the next cycle will test.' })
    }
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems }
}

export const METHOD_CHECK_KINDS = [
  'no_prediction',
  'no_linked_measure',
  'no_data_in_window',
  'measure_too_slow_for_window',
  'full_scale_first_test',
  'no_next_cycle_after_adapt',
  'overdue',
  'stale',
] as const
export type MethodCheckKind = (typeof METHOD_CHECK_KINDS)[number]

export interface MethodCheck {
  kind: MethodCheckKind
  message: string
}

export const STALE_AFTER_DAYS = 14
const FULL_SCALE = /\b(whole|entire|all|every|school[- ]?wide|grade[- ]?wide|district[- ]?wide|full)\b/i

const daysBetween = (fromIso: string, toIso: string) =>
  Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000)

/** Fidelity nudges for a cycle, as of `today` (YYYY-MM-DD). Shown to teams and, as warnings, to coaches. */
export function methodChecks(cycle: CycleFacts, today: string): MethodCheck[] {
  const checks: MethodCheck[] = []
  const open = cycle.stage !== 'complete'
  if (cycle.questions.length === 0 || cycle.questions.some((q) => blank(q.prediction))) {
    checks.push({ kind: 'no_prediction', message: 'A question has no prediction: predict before you test.' })
  }
  if (cycle.linkedMeasures.length === 0) {
    checks.push({
      kind: 'no_linked_measure',
      message: 'No measure is linked: how will you know the change is an improvement?',
    })
  }
  if (
    cycle.observationsInWindow === 0 &&
    cycle.linkedMeasures.length > 0 &&
    cycle.stage !== 'plan' &&
    cycle.plannedStart <= today
  ) {
    checks.push({ kind: 'no_data_in_window', message: 'No data points fall inside the cycle window yet.' })
  }
  const tooSlow = slowCadenceProblem(cycle)
  if (tooSlow) checks.push({ kind: 'measure_too_slow_for_window', message: tooSlow.message })
  if (cycle.cycleNumber === 1 && FULL_SCALE.test(cycle.scale)) {
    checks.push({
      kind: 'full_scale_first_test',
      message: 'The first test of a change runs at full scale: start small (one class, a few students).',
    })
  }
  if (cycle.stage === 'complete' && cycle.decision === 'adapt' && !cycle.hasNextCycle) {
    checks.push({
      kind: 'no_next_cycle_after_adapt',
      message: 'The change was adapted but no next cycle tests the adaptation.',
    })
  }
  if (open && (cycle.stage === 'plan' || cycle.stage === 'do') && cycle.plannedEnd < today) {
    checks.push({
      kind: 'overdue',
      message: `The planned end was ${daysBetween(cycle.plannedEnd, today)} days ago and the cycle is still in ${cycle.stage}.`,
    })
  }
  const lastEdit = cycle.lastEditedAt.toISOString().slice(0, 10)
  if (open && daysBetween(lastEdit, today) >= STALE_AFTER_DAYS) {
    checks.push({
      kind: 'stale',
      message: `The worksheet has not been touched for ${daysBetween(lastEdit, today)} days.`,
    })
  }
  return checks
}

// ───────────────────────── Locked predictions, snapshots, change-idea status ─────────────────────────

/** The parts of a question that state what the team predicted: locked once the test starts (Plan → Do). */
export const PREDICTION_FIELDS = [
  'question',
  'prediction',
  'measureId',
  'predictedValue',
  'predictedMin',
  'predictedMax',
] as const
export type PredictionField = (typeof PREDICTION_FIELDS)[number]
/** The parts a team fills in during Study: always editable. */
export const RESULT_FIELDS = ['result', 'resultValue', 'learning', 'confirmed'] as const

/** Predictions are written in Plan; from Do on they are what the test is judged against. */
export function arePredictionsLocked(stage: CycleStage): boolean {
  return stage !== 'plan'
}

export interface QuestionLike {
  id?: string | undefined
  question: string
  prediction: string
  measureId: string | null
  predictedValue: number | null
  predictedMin: number | null
  predictedMax: number | null
}

const PREDICTION_FIELD_LABELS: Record<PredictionField, string> = {
  question: 'question',
  prediction: 'prediction',
  measureId: 'measure of the predicted value',
  predictedValue: 'predicted value',
  predictedMin: 'lower end of the predicted range',
  predictedMax: 'upper end of the predicted range',
}

const sameValue = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : (a ?? null) === (b ?? null)

/**
 * What a save of the questions list would change in locked predictions (empty: allowed).
 * After Plan only results may change: no question is added or removed, no question, prediction or
 * predicted value is edited. Fields are input paths (`questions.1.prediction`).
 */
export function lockedQuestionProblems(
  existing: readonly (QuestionLike & { id: string })[],
  incoming: readonly QuestionLike[],
): TransitionProblem[] {
  const problems: TransitionProblem[] = []
  const byId = new Map(existing.map((q) => [q.id, q]))
  const kept = new Set<string>()
  incoming.forEach((q, i) => {
    const before = q.id ? byId.get(q.id) : undefined
    if (!before) {
      problems.push({
        field: `questions.${i}`,
        message: `Question ${i + 1} is new: questions cannot be added once the test has started.`,
      })
      return
    }
    kept.add(before.id)
    for (const field of PREDICTION_FIELDS) {
      if (!sameValue(before[field], q[field])) {
        problems.push({
          field: `questions.${i}.${field}`,
          message: `The ${PREDICTION_FIELD_LABELS[field]} of question ${i + 1} was locked when the test started.`,
        })
      }
    }
  })
  existing.forEach((q, i) => {
    if (!kept.has(q.id)) {
      problems.push({
        field: 'questions',
        message: `Question ${i + 1} cannot be removed once the test has started.`,
      })
    }
  })
  return problems
}

/** Problems as `fieldErrors` (field → messages), the shape the client shows next to inputs. */
export function problemsToFieldErrors(problems: readonly TransitionProblem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const p of problems) out[p.field] = [...(out[p.field] ?? []), p.message]
  return out
}

/** A worksheet as it was at a stage transition (what `CycleSnapshot.content` holds). */
export interface CycleSnapshotContent {
  version: 1
  header: {
    title: string
    cycleNumber: number
    purpose: CyclePurpose
    scale: string
    owner: string | null
    testers: string
    goal: string | null
    changeIdea: string | null
    plannedStart: string
    plannedEnd: string
    actualStart: string | null
    actualEnd: string | null
    lagDays: number
    carriedOutAsPlanned: boolean | null
    predictionsConfirmed: Confirmation | null
    decision: ActDecision | null
    spreadPlan: string
    drivers: string[]
  }
  texts: NarrativeTexts
  questions: {
    position: number
    question: string
    prediction: string
    measure: string | null
    /** The measure's unit (MeasureUnit), to format the predicted and result values. */
    unit: string | null
    predictedValue: number | null
    predictedMin: number | null
    predictedMax: number | null
    result: string
    resultValue: number | null
    learning: string
    confirmed: Confirmation | null
  }[]
  tasks: {
    position: number
    what: string
    who: string
    dueDate: string | null
    location: string
    done: boolean
  }[]
  measures: {
    measure: string
    unit: string
    studentGroup: string | null
    expectedDirection: Direction
    operationalDefinition: string
    collectedBy: string
    collectionSchedule: string
    analysedBy: string
    qualitativeData: string
  }[]
}

type SnapshotInput = Omit<CycleSnapshotContent, 'version' | 'texts'> & { texts: Partial<NarrativeTexts> }

/** The snapshot content: every narrative section present, lists in worksheet order. */
export function buildSnapshotContent(input: SnapshotInput): CycleSnapshotContent {
  const texts = Object.fromEntries(
    NARRATIVE_SECTION_KEYS.map((k) => [k, input.texts[k] ?? '']),
  ) as NarrativeTexts
  const byPosition = <T extends { position: number }>(rows: readonly T[]) =>
    [...rows].sort((a, b) => a.position - b.position)
  return {
    version: 1,
    header: { ...input.header, drivers: [...input.header.drivers] },
    texts,
    questions: byPosition(input.questions),
    tasks: byPosition(input.tasks),
    measures: [...input.measures],
  }
}

/**
 * The change idea's status after one of its cycles moves to `to`, or null when it stays.
 * Entering Do starts testing an idea; completing a cycle records its decision.
 */
export function changeIdeaStatusAfter(
  current: ChangeIdeaStatus,
  to: CycleStage,
  decision: ActDecision | null,
): ChangeIdeaStatus | null {
  if (to === 'do') return current === 'idea' ? 'testing' : null
  if (to === 'complete' && decision) {
    const next = ({ adopt: 'adopted', adapt: 'adapted', abandon: 'abandoned' } as const)[decision]
    return next === current ? null : next
  }
  return null
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** The dates whose data count for a cycle: its (actual, else planned) start through its end + lag. */
export function cycleWindow(cycle: {
  plannedStart: string
  plannedEnd: string
  actualStart: string | null
  actualEnd: string | null
  lagDays: number
}): { from: string; to: string } {
  const from = cycle.actualStart ?? cycle.plannedStart
  const end = cycle.actualEnd ?? cycle.plannedEnd
  // An end recorded before the start counts as the start (ISO dates sort as strings).
  const last = [from, end].sort()[1] ?? end
  return { from, to: addDays(last, cycle.lagDays) }
}

/** Whole days from `since` to `now` (never negative). */
export function daysSince(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000))
}
