// The cycles the caller may read as CSV: one row per cycle with every worksheet field as plain text,
// its questions and predictions, tasks, linked measures with their verdicts (computed on suppressed
// data, ADR 011) and the decision. Filter by one team or one school.
import {
  type Actor,
  CYCLE_VERDICT_LABELS,
  type CyclePurpose,
  type CycleStage,
  canReadSchool,
  canReadTeam,
  DECISION_LABELS,
  type ExportCyclesInput,
  forbidden,
  NARRATIVE_SECTIONS,
  narrativeColumn,
  PURPOSE_LABELS,
  STAGE_LABELS,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { computeCycleVerdicts } from '../analytics/cycle-verdicts.ts'
import { requireSchool, requireTeam } from '../references.ts'
import { readableTeamWorkWhere, toIsoDate, toIsoDateOrNull } from '../shared.ts'
import { csvFileName, toCsv } from './csv.ts'

export const CYCLE_EXPORT_FIELDS = [
  'school',
  'team',
  'cycle_number',
  'title',
  'stage',
  'purpose',
  'goal',
  'change_idea',
  'owner',
  'scale',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  ...NARRATIVE_SECTIONS.map((s) => s.label),
  'questions_and_predictions',
  'tasks',
  'measures_and_verdicts',
  'method',
  'carried_out_as_planned',
  'predictions_confirmed',
  'decision',
  'spread_plan',
] as const

export const CYCLE_EXPORT_MAX = 5_000

export async function exportCyclesCsv({
  db,
  actor,
  now,
  teamId,
  schoolId,
}: { db: DbTx; actor: Actor; now: Date } & ExportCyclesInput) {
  const nameParts = ['cycles']
  if (teamId) {
    const team = await requireTeam(db, actor, teamId)
    if (!canReadTeam(actor, { schoolId: team.schoolId, teamId: team.id }))
      throw forbidden('You do not have access to this team’s cycles.')
    nameParts.push(team.name)
  }
  if (schoolId) {
    const school = await requireSchool(db, actor, schoolId)
    if (!canReadSchool(actor, school.id)) throw forbidden('You do not have access to this school’s cycles.')
    nameParts.push(school.code)
  }
  const rows = await db.pdsaCycle.findMany({
    where: {
      AND: [readableTeamWorkWhere(actor), teamId ? { teamId } : {}, schoolId ? { schoolId } : {}],
    },
    include: {
      school: { select: { name: true } },
      team: { select: { name: true } },
      goal: { select: { title: true } },
      changeIdea: { select: { title: true } },
      owner: { select: { name: true } },
      questions: { orderBy: { position: 'asc' } },
      tasks: { orderBy: { position: 'asc' } },
      measures: {
        include: {
          measure: { select: { name: true } },
          studentGroup: { select: { name: true } },
        },
      },
    },
    orderBy: [{ school: { name: 'asc' } }, { team: { name: 'asc' } }, { plannedStart: 'asc' }, { id: 'asc' }],
    take: CYCLE_EXPORT_MAX,
  })
  const verdicts = await computeCycleVerdicts({ db, actor, cycleIds: rows.map((r) => r.id) })
  const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no')
  const data = rows.map((c) => {
    const cycleVerdicts = verdicts.get(c.id) ?? []
    const measures = c.measures.map((m) => {
      const group = m.studentGroup?.name ?? 'All students'
      const v = cycleVerdicts.find(
        (x) => x.measureId === m.measureId && x.studentGroupId === (m.studentGroupId ?? null),
      )
      return `${m.measure.name} (${group}, expected to ${m.expectedDirection}): ${
        v ? CYCLE_VERDICT_LABELS[v.verdict] : 'no verdict'
      }`
    })
    // How each verdict was reached: the comparison and the limits, in the words the verdict card uses.
    const methods = c.measures.flatMap((m) => {
      const v = cycleVerdicts.find(
        (x) => x.measureId === m.measureId && x.studentGroupId === (m.studentGroupId ?? null),
      )
      return v?.method
        ? [`${m.measure.name} (${m.studentGroup?.name ?? 'All students'}): ${v.method.summary}`]
        : []
    })
    const questions = c.questions.map((q, i) => {
      const parts = [`${i + 1}. ${q.question}`]
      if (q.prediction) parts.push(`Prediction: ${q.prediction}`)
      if (q.result) parts.push(`Result: ${q.result}`)
      if (q.learning) parts.push(`Learning: ${q.learning}`)
      return parts.join(' — ')
    })
    const tasks = c.tasks.map(
      (t) =>
        `${t.done ? '[x]' : '[ ]'} ${t.what}${t.who ? ` (${t.who})` : ''}${t.dueDate ? `, due ${toIsoDate(t.dueDate)}` : ''}`,
    )
    return [
      c.school.name,
      c.team.name,
      c.cycleNumber,
      c.title,
      STAGE_LABELS[c.stage as CycleStage],
      PURPOSE_LABELS[c.purpose as CyclePurpose] ?? c.purpose,
      c.goal?.title ?? '',
      c.changeIdea?.title ?? '',
      c.owner?.name ?? '',
      c.scale,
      toIsoDate(c.plannedStart),
      toIsoDate(c.plannedEnd),
      toIsoDateOrNull(c.actualStart),
      toIsoDateOrNull(c.actualEnd),
      ...NARRATIVE_SECTIONS.map((s) => c[narrativeColumn(s.key)]),
      questions.join('\n'),
      tasks.join('\n'),
      measures.join('\n'),
      methods.join('\n'),
      yesNo(c.carriedOutAsPlanned),
      c.predictionsConfirmed ?? '',
      c.decision ? DECISION_LABELS[c.decision as keyof typeof DECISION_LABELS] : '',
      c.spreadPlan,
    ]
  })
  return {
    fileName: csvFileName(nameParts, now),
    csv: toCsv(CYCLE_EXPORT_FIELDS, data),
    rowCount: data.length,
  }
}
