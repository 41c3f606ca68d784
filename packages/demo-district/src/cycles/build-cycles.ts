// Turns change-idea scripts into change ideas and PDSA cycles: dates from the calendar, results
// from the data, worksheet fields filled as far as the cycle's stage, timestamps consistent with today.
import type { ChangeIdeaStatus, Confirmation, CycleStage } from '@pdsa/domain'
import type { DemoCalendar } from '../calendar.ts'
import { addDays, daysBetween, shortDate, timestamp } from '../dates.ts'
import { driverNodeKey } from '../drivers.ts'
import { round2 } from '../format.ts'
import { measureByCode } from '../measures.ts'
import { teamPersonEmail, teamPersonName, teamSpec } from '../people.ts'
import type { SeriesIndex } from '../series-index.ts'
import { GROUP_PHRASE } from '../student-groups.ts'
import type {
  DemoChangeIdea,
  DemoCycle,
  DemoCycleMeasure,
  DemoCycleQuestion,
  DemoCycleTask,
} from '../types.ts'
import { type CycleDates, cycleData, resolveDates } from './cycle-data.ts'
import type {
  CycleData,
  CycleScript,
  IdeaScript,
  MeasureLink,
  QuestionScript,
  TaskScript,
  Text,
} from './script.ts'

const STAGE_ORDER: Record<CycleStage, number> = { plan: 0, do: 1, study: 2, act: 3, complete: 4 }
const reached = (stage: CycleStage, atLeast: CycleStage) => STAGE_ORDER[stage] >= STAGE_ORDER[atLeast]
const render = (text: Text | undefined, data: CycleData) =>
  typeof text === 'function' ? text(data) : (text ?? '')

interface Context {
  calendar: DemoCalendar
  index: SeriesIndex
}

function readQuantified(q: QuestionScript, data: CycleData): number | null {
  const quant = q.quantified
  if (!quant) return null
  const value =
    quant.read === 'windowMedian'
      ? data.windowMedian(quant.measure, quant.group)
      : data.after(quant.measure, quant.group)
  return value === null ? null : round2(value)
}

function judge(q: QuestionScript, value: number | null, before: number | null): Confirmation | null {
  const quant = q.quantified
  if (!quant || value === null) return q.confirmed ?? null
  const [lo, hi] = quant.range ?? [
    (quant.value ?? 0) - (quant.tolerance ?? 1),
    (quant.value ?? 0) + (quant.tolerance ?? 1),
  ]
  if (value >= lo && value <= hi) return 'yes'
  const predictedMid = (lo + hi) / 2
  const sameDirection =
    before !== null && Math.sign(predictedMid - before) === Math.sign(value - before) && value !== before
  return sameDirection ? 'partly' : 'no'
}

function buildQuestion(
  q: QuestionScript,
  position: number,
  stage: CycleStage,
  data: CycleData,
): DemoCycleQuestion {
  const quant = q.quantified
  const hasResults = reached(stage, 'act') || (stage === 'study' && quant !== undefined)
  const value = hasResults ? readQuantified(q, data) : null
  const before = quant ? data.before(quant.measure, quant.group) : null
  let result = ''
  if (hasResults && quant) {
    const label = quant.read === 'windowMedian' ? 'Median over the cycle' : 'At the end of the cycle'
    result =
      value === null
        ? 'No data point fell inside the cycle window, so there is no number to compare.'
        : `${label}: ${data.fmt(quant.measure, value)} (${data.fmt(quant.measure, before)} just before the cycle).`
  }
  const extra = hasResults ? render(q.result, data) : ''
  if (extra) result = result ? `${result} ${extra}` : extra
  if (reached(stage, 'act') && !result) result = 'Discussed at the team meeting; see the study notes.'
  return {
    position,
    question: q.q,
    prediction: render(q.prediction, data),
    measureCode: quant?.measure ?? null,
    predictedValue: quant?.value ?? null,
    predictedMin: quant?.range?.[0] ?? null,
    predictedMax: quant?.range?.[1] ?? null,
    result,
    resultValue: value,
    learning: reached(stage, 'act') ? (q.learning ?? '') : '',
    confirmed:
      reached(stage, 'act') || (stage === 'study' && value !== null) ? judge(q, value, before) : null,
  }
}

function overallConfirmation(questions: readonly DemoCycleQuestion[]): Confirmation {
  const marks = questions.map((q) => q.confirmed ?? 'partly')
  if (marks.every((m) => m === 'yes')) return 'yes'
  if (marks.every((m) => m === 'no')) return 'no'
  return 'partly'
}

function buildTask(
  task: TaskScript,
  position: number,
  teamKey: string,
  dates: CycleDates,
  stage: CycleStage,
  today: string,
): DemoCycleTask {
  const dueDate = addDays(dates.plannedStart, task.day)
  const who = typeof task.who === 'number' ? teamPersonName(teamKey, task.who) : task.who
  const done =
    stage === 'complete' ||
    (reached(stage, 'do') && dueDate < today) ||
    (stage === 'plan' && dueDate < addDays(today, -2))
  return { position, what: task.what, who, dueDate, location: task.where ?? '', done }
}

function buildMeasure(link: MeasureLink): DemoCycleMeasure {
  const m = measureByCode(link.measure)
  return {
    measureCode: link.measure,
    groupCode: link.group ?? null,
    expectedDirection: link.direction,
    operationalDefinition:
      link.definition ??
      `${m.numeratorDefinition}${m.denominatorDefinition ? `, over ${m.denominatorDefinition.charAt(0).toLowerCase()}${m.denominatorDefinition.slice(1)}` : ''}.`,
    collectedBy: link.collectedBy,
    collectionSchedule: link.schedule,
    analysedBy: link.analysedBy,
    qualitativeData: link.qualitative ?? '',
  }
}

function dataCollectionText(links: readonly MeasureLink[]): string {
  return links
    .map((link) => {
      const m = measureByCode(link.measure)
      const group = link.group ? ` — ${GROUP_PHRASE[link.group]}` : ''
      const quali = link.qualitative ? ` Also: ${link.qualitative}` : ''
      return `• ${m.name}${group}. ${link.collectedBy} collects it ${link.schedule}; ${link.analysedBy} analyses it.${quali}`
    })
    .join('\n')
}

function numbered(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n')
}

/** ISO timestamps that never fall after today. */
function stamps(script: CycleScript, dates: CycleDates, today: string) {
  const latest = addDays(today, -1)
  const clamp = (iso: string) => (iso > latest ? latest : iso)
  const created = clamp(addDays(dates.plannedStart, -9))
  const stageDay: Record<CycleStage, string> = {
    plan: created,
    do: clamp(dates.plannedStart),
    study: clamp(addDays(dates.plannedEnd, 3)),
    act: clamp(addDays(dates.plannedEnd, 6)),
    complete: clamp(addDays(dates.plannedEnd, 8)),
  }
  let changed = stageDay[script.stage]
  let edited = changed
  if (script.stage !== 'complete') {
    const idle = script.untouchedDays ?? 1 + (script.key.length % 4)
    edited = addDays(today, -idle)
    if (edited < changed) changed = edited
    if (changed < created) changed = created
    if (edited < changed) edited = changed
  }
  return {
    createdAt: timestamp(created, 15, 40),
    stageChangedAt: timestamp(changed, 16, 10),
    lastEditedAt: timestamp(edited, 17, 25),
  }
}

function narrative(script: CycleScript, dates: CycleDates, data: CycleData) {
  const stage = script.stage
  const weeks = Math.round((daysBetween(dates.plannedStart, dates.plannedEnd) + 3) / 7)
  const when = `When: ${shortDate(dates.plannedStart)} – ${shortDate(dates.plannedEnd)} (${weeks} week${weeks === 1 ? '' : 's'}). Scale: ${script.scale}. Testers: ${script.testers}.`
  return {
    objectiveText: script.objective,
    hypothesisText: script.hypothesis,
    questionsText: script.questionsNote ?? numbered(script.questions.map((q) => q.q)),
    predictionsText: [
      numbered(script.questions.map((q) => render(q.prediction, data) || '(no prediction yet)')),
      script.predictionsNote ?? '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    planText: `${script.plan}\n\n${when}`,
    dataCollectionText: dataCollectionText(script.measures),
    doText: reached(stage, 'do') ? (script.doNotes ?? '') : '',
    studyText: reached(stage, 'act') ? render(script.study, data) : '',
    actText: stage === 'complete' || stage === 'act' ? render(script.act, data) : '',
  }
}

/** One link per measure (the schema's key is cycle × measure), and quantified questions on a linked measure and group. */
function assertLinks(script: CycleScript): void {
  const seen = new Set<string>()
  for (const link of script.measures) {
    if (seen.has(link.measure)) throw new Error(`Cycle ${script.key} links ${link.measure} twice`)
    seen.add(link.measure)
  }
  for (const q of script.questions) {
    const quant = q.quantified
    if (!quant) continue
    const link = script.measures.find((l) => l.measure === quant.measure)
    if (!link || (link.group ?? null) !== (quant.group ?? null)) {
      throw new Error(
        `Cycle ${script.key}: a question predicts ${quant.measure}/${quant.group ?? 'ALL'}, which is not linked`,
      )
    }
  }
}

function assertTransitionRules(cycle: DemoCycle): void {
  const problems: string[] = []
  const beyond = (s: CycleStage) => STAGE_ORDER[cycle.stage] > STAGE_ORDER[s]
  if (beyond('plan')) {
    if (!cycle.objectiveText.trim()) problems.push('objective')
    if (cycle.questions.length === 0 || cycle.questions.some((q) => !q.prediction.trim()))
      problems.push('predictions')
  }
  if (beyond('do') && (cycle.carriedOutAsPlanned === null || !cycle.doText.trim())) problems.push('do')
  if (
    beyond('study') &&
    (cycle.predictionsConfirmed === null || cycle.questions.some((q) => !q.result.trim()))
  )
    problems.push('study')
  if (
    beyond('act') &&
    (cycle.decision === null ||
      !cycle.actText.trim() ||
      (cycle.decision === 'adopt' && !cycle.spreadPlan.trim()))
  ) {
    problems.push('act')
  }
  if (problems.length > 0)
    throw new Error(`Cycle ${cycle.key} (${cycle.stage}) is missing: ${problems.join(', ')}`)
}

function buildCycle(
  script: CycleScript,
  idea: IdeaScript,
  position: number,
  previousKey: string | null,
  ctx: Context,
): DemoCycle {
  assertLinks(script)
  const team = teamSpec(idea.teamKey)
  const dates = resolveDates(script.timing, ctx.calendar)
  const lagDays = script.lagDays ?? 0
  const data = cycleData(ctx.index, team.schoolCode, dates, lagDays)
  const stage = script.stage
  const questions = script.questions.map((q, i) => buildQuestion(q, i, stage, data))
  const owner = teamPersonEmail(idea.teamKey, script.owner ?? 0)
  const cycle: DemoCycle = {
    key: script.key,
    schoolCode: team.schoolCode,
    teamKey: idea.teamKey,
    goalKey: idea.goalKey,
    changeIdeaKey: idea.key,
    previousCycleKey: previousKey,
    cycleNumber: position + 1,
    title: script.title,
    ownerEmail: owner,
    testers: script.testers,
    purpose: script.purpose,
    scale: script.scale,
    stage,
    plannedStart: dates.plannedStart,
    plannedEnd: dates.plannedEnd,
    actualStart: reached(stage, 'do') ? dates.plannedStart : null,
    actualEnd: reached(stage, 'study') ? dates.plannedEnd : null,
    lagDays,
    ...narrative(script, dates, data),
    carriedOutAsPlanned: reached(stage, 'study') ? (script.carriedOutAsPlanned ?? true) : null,
    predictionsConfirmed: reached(stage, 'act') ? (script.confirmed ?? overallConfirmation(questions)) : null,
    decision: stage === 'complete' ? (script.decision ?? null) : null,
    spreadPlan: stage === 'complete' && script.decision === 'adopt' ? (script.spreadPlan ?? '') : '',
    createdByEmail: teamPersonEmail(idea.teamKey, 0),
    ...stamps(script, dates, ctx.calendar.today),
    questions,
    tasks: script.tasks.map((t, i) => buildTask(t, i, idea.teamKey, dates, stage, ctx.calendar.today)),
    measures: script.measures.map(buildMeasure),
    driverKeys: script.drivers.map((ref) => driverNodeKey(idea.goalKey, ref)),
    year: dates.year,
    expectations: [...(script.expect ?? [])],
  }
  assertTransitionRules(cycle)
  return cycle
}

function ideaStatus(idea: IdeaScript, cycles: readonly DemoCycle[]): ChangeIdeaStatus {
  if (cycles.length === 0) return idea.status ?? 'idea'
  if (cycles.some((c) => c.stage !== 'complete')) return 'testing'
  const decision = cycles[cycles.length - 1]?.decision
  return decision === 'adopt' ? 'adopted' : decision === 'adapt' ? 'adapted' : 'abandoned'
}

export function buildIdeasAndCycles(
  scripts: readonly IdeaScript[],
  ctx: Context,
): { changeIdeas: DemoChangeIdea[]; cycles: DemoCycle[] } {
  const changeIdeas: DemoChangeIdea[] = []
  const cycles: DemoCycle[] = []
  for (const idea of scripts) {
    const built: DemoCycle[] = []
    idea.cycles.forEach((script, i) => {
      built.push(buildCycle(script, idea, i, built[i - 1]?.key ?? null, ctx))
    })
    cycles.push(...built)
    changeIdeas.push({
      key: idea.key,
      goalKey: idea.goalKey,
      teamKey: idea.teamKey,
      title: idea.title,
      description: idea.description,
      status: ideaStatus(idea, built),
      mtssTier: idea.mtssTier,
      evidenceLinks: [...(idea.evidenceLinks ?? [])],
      driverKeys: idea.drivers.map((ref) => driverNodeKey(idea.goalKey, ref)),
    })
  }
  return { changeIdeas, cycles }
}
