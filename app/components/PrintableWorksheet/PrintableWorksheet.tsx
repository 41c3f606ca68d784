// The whole PDSA worksheet of one cycle on paper: every field, the questions with their predictions and
// results, the tasks, the linked measures with their verdicts, and the decision. Laid out for A4/Letter;
// print.css hides the app's frame when printing.
import { Badge, Box, Table, Title } from '@mantine/core'
import {
  CYCLE_VERDICT_LABELS,
  DECISION_LABELS,
  NARRATIVE_SECTIONS,
  type NarrativeSectionKey,
  PURPOSE_LABELS,
  STAGE_LABELS,
} from '@pdsa/domain'
import { CycleMeasureChart } from '~/components/CycleLinkedMeasures'
import { CycleVerdictHeadline } from '~/components/CycleVerdictHeadline'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import type { RouterOutputs } from '~/lib/types'
import classes from './PrintableWorksheet.module.css'
import { linesNotShown } from './repeated-text'

type Cycle = RouterOutputs['cycle']['byId']
type Verdicts = RouterOutputs['analytics']['cycleVerdicts']
type Charts = RouterOutputs['analytics']['cycleCharts']

const CONFIRMED: Record<string, string> = { yes: 'Yes', partly: 'Partly', no: 'No' }

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box className={classes.field}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Box>
  )
}

function Narrative({
  cycle,
  keyName,
  text: shownText,
  optional = false,
}: {
  cycle: Cycle
  keyName: NarrativeSectionKey
  /** What to print instead of the whole section (the lines a table does not already show). */
  text?: string
  /** Print nothing (not "Not written yet") when empty. */
  optional?: boolean
}) {
  const section = NARRATIVE_SECTIONS.find((s) => s.key === keyName)
  const text = (shownText ?? cycle.texts[keyName] ?? '').trim()
  if (optional && !text) return null
  return (
    <Box className={classes.block}>
      <Title order={3} size="h5">
        {shownText !== undefined
          ? `${section?.label ?? keyName} (more than the table)`
          : (section?.label ?? keyName)}
      </Title>
      {text ? (
        <Text size="sm" className={classes.prose}>
          {text}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          Not written yet.
        </Text>
      )}
    </Box>
  )
}

/** One of the four stages of the sheet: Plan, Do, Study, Act. */
function StageSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className={classes.section} aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
    </section>
  )
}

interface PrintRow {
  key: string
  cells: React.ReactNode[]
}

/** A bordered table of the sheet; `empty` (a sentence) instead when there are no rows. */
function PrintTable({ head, rows, empty }: { head: string[]; rows: PrintRow[]; empty?: string }) {
  if (rows.length === 0) {
    return empty ? (
      <Text size="sm" c="dimmed" fs="italic">
        {empty}
      </Text>
    ) : null
  }
  return (
    <Table withTableBorder withColumnBorders className={classes.table}>
      <Table.Thead>
        <Table.Tr>
          {head.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            {r.cells.map((cell, i) => (
              <Table.Td key={head[i]}>{cell}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** A titled part of a stage holding one table (questions, tasks, measures). */
function TableBlock({ title, ...table }: { title: string } & React.ComponentProps<typeof PrintTable>) {
  return (
    <Box className={classes.block}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <PrintTable {...table} />
    </Box>
  )
}

const predicted = (q: Cycle['questions'][number]) => {
  if (q.predictedValue !== null) return String(q.predictedValue)
  if (q.predictedMin !== null || q.predictedMax !== null)
    return `${q.predictedMin ?? '…'} to ${q.predictedMax ?? '…'}`
  return ''
}

export function PrintableWorksheet({
  cycle,
  verdicts,
  charts,
}: {
  cycle: Cycle
  verdicts: Verdicts | null
  charts: Charts | null
}) {
  const yesNo = (v: boolean | null) => (v === null ? 'Not recorded' : v ? 'Yes' : 'No')
  const questionTexts = cycle.questions.flatMap((q) => [q.question, q.prediction])
  const moreQuestions = linesNotShown(cycle.texts.questions ?? '', questionTexts)
  const morePredictions = linesNotShown(cycle.texts.predictions ?? '', questionTexts)
  return (
    <article className={classes.sheet} aria-label={`PDSA worksheet: ${cycle.title}`}>
      <Stack gap="md">
        <Box>
          <Text size="sm" c="dimmed">
            {cycle.school.name} · {cycle.team.name} · Cycle {cycle.cycleNumber}
          </Text>
          <Title order={1} size="h2">
            {cycle.title}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge variant="outline" color="dark">
              {STAGE_LABELS[cycle.stage]}
            </Badge>
            <Text size="sm">{PURPOSE_LABELS[cycle.purpose]}</Text>
            {verdicts ? <CycleVerdictHeadline verdicts={verdicts.measures.map((m) => m.verdict)} /> : null}
          </Group>
        </Box>

        <div className={classes.grid}>
          <Field label="Goal">{cycle.goal?.title ?? 'No goal linked'}</Field>
          <Field label="Change idea">{cycle.changeIdea?.title ?? 'None'}</Field>
          <Field label="Owner">{cycle.owner?.name ?? 'Not assigned'}</Field>
          <Field label="Scale">{cycle.scale || 'Not set'}</Field>
          <Field label="Testers">{cycle.testers || 'Not set'}</Field>
          <Field label="Planned">
            {cycle.plannedStart} to {cycle.plannedEnd}
          </Field>
          <Field label="Actual">
            {cycle.actualStart ?? 'not started'} to {cycle.actualEnd ?? '…'}
          </Field>
          <Field label="Lag (days)">{cycle.lagDays}</Field>
        </div>

        <StageSection id="print-plan" title="Plan">
          <Narrative cycle={cycle} keyName="objective" />
          <Narrative cycle={cycle} keyName="hypothesis" />
          <TableBlock
            title="Questions and predictions"
            empty="No questions yet."
            head={['#', 'Question', 'Prediction', 'Measure / predicted value']}
            rows={cycle.questions.map((q, i) => ({
              key: q.id,
              cells: [
                i + 1,
                q.question,
                q.prediction,
                q.measure ? `${q.measure.name}${predicted(q) ? `: ${predicted(q)}` : ''}` : predicted(q),
              ],
            }))}
          />
          {/* Of the free-text questions and predictions, only what the table does not show (each once). */}
          {cycle.questions.length === 0 ? (
            <>
              <Narrative cycle={cycle} keyName="questions" />
              <Narrative cycle={cycle} keyName="predictions" />
            </>
          ) : (
            <>
              <Narrative cycle={cycle} keyName="questions" text={moreQuestions} optional />
              <Narrative cycle={cycle} keyName="predictions" text={morePredictions} optional />
            </>
          )}
          <Narrative cycle={cycle} keyName="plan" />
          <TableBlock
            title="Tasks"
            empty="No tasks yet."
            head={['Done', 'What', 'Who', 'When', 'Where']}
            rows={cycle.tasks.map((t) => ({
              key: t.id,
              cells: [t.done ? '☑' : '☐', t.what, t.who, t.dueDate ?? '', t.location],
            }))}
          />
          <Narrative cycle={cycle} keyName="dataCollection" />
          <TableBlock
            title="Measures and verdicts"
            empty="No measures linked."
            head={['Measure', 'Student group', 'Expected', 'Collected by', 'Verdict']}
            rows={cycle.measures.map((m) => {
              const v = verdicts?.measures.find(
                (x) =>
                  x.measure.id === m.measureId &&
                  (x.verdict.studentGroupId ?? null) === (m.studentGroupId ?? null),
              )?.verdict
              return {
                key: `${m.measureId}-${m.studentGroupId ?? 'all'}`,
                cells: [
                  <>
                    {m.measure.name}
                    {m.operationalDefinition ? (
                      <Text size="xs" c="dimmed">
                        {m.operationalDefinition}
                      </Text>
                    ) : null}
                  </>,
                  m.studentGroup?.name ?? 'All students',
                  m.expectedDirection === 'increase' ? 'Increase' : 'Decrease',
                  m.collectedBy,
                  v ? (
                    <>
                      <Text size="sm" fw={700}>
                        {CYCLE_VERDICT_LABELS[v.verdict]}
                      </Text>
                      <Text size="xs">{v.message}</Text>
                      {v.method ? (
                        <Text size="xs" c="dimmed">
                          {v.method.summary}
                        </Text>
                      ) : null}
                    </>
                  ) : (
                    'No verdict yet'
                  ),
                ],
              }
            })}
          />
        </StageSection>

        {verdicts && verdicts.measures.length > 0 ? (
          <StageSection id="print-charts" title="Linked-metric charts">
            {verdicts.measures.map((m) => {
              const chart = charts?.charts.find((c) => c.measureId === m.measure.id)?.chart
              return chart ? (
                <Box key={`${m.measure.id}-${m.verdict.studentGroupId ?? 'all'}`} className={classes.block}>
                  <CycleMeasureChart
                    measure={m}
                    chart={chart}
                    cycleId={cycle.id}
                    schoolName={cycle.school.name}
                    threshold={verdicts.threshold}
                    evaluationEnd={verdicts.window.evaluationEnd}
                    height={260}
                  />
                </Box>
              ) : null
            })}
          </StageSection>
        ) : null}

        <StageSection id="print-do" title="Do">
          <Field label="Carried out as planned">{yesNo(cycle.carriedOutAsPlanned)}</Field>
          <Narrative cycle={cycle} keyName="do" />
        </StageSection>

        <StageSection id="print-study" title="Study">
          <Field label="Predictions confirmed">
            {cycle.predictionsConfirmed ? CONFIRMED[cycle.predictionsConfirmed] : 'Not recorded'}
          </Field>
          <PrintTable
            head={['#', 'Result', 'Confirmed?', 'Learning']}
            rows={
              cycle.questions.some((q) => q.result || q.learning || q.resultValue !== null)
                ? cycle.questions.map((q, i) => ({
                    key: q.id,
                    cells: [
                      i + 1,
                      `${q.result}${q.resultValue !== null ? ` (${q.resultValue})` : ''}`,
                      q.confirmed ? CONFIRMED[q.confirmed] : '',
                      q.learning,
                    ],
                  }))
                : []
            }
          />
          <Narrative cycle={cycle} keyName="study" />
        </StageSection>

        <StageSection id="print-act" title="Act">
          <Field label="Decision">
            {cycle.decision ? DECISION_LABELS[cycle.decision] : 'Not decided yet'}
          </Field>
          <Narrative cycle={cycle} keyName="act" />
          <Field label="Spread plan">{cycle.spreadPlan || 'None'}</Field>
        </StageSection>
      </Stack>
    </article>
  )
}
