// The whole PDSA worksheet of one cycle on paper: every field, the questions with their predictions and
// results, the tasks, the linked measures with their verdicts, and the decision. Laid out for A4/Letter;
// print.css hides the app's frame when printing.
import { Badge, Box, Group, Stack, Table, Text, Title } from '@mantine/core'
import {
  CYCLE_VERDICT_LABELS,
  DECISION_LABELS,
  NARRATIVE_SECTIONS,
  type NarrativeSectionKey,
  PURPOSE_LABELS,
  STAGE_LABELS,
} from '@pdsa/domain'
import type { RouterOutputs } from '~/lib/types'
import classes from './PrintableWorksheet.module.css'

type Cycle = RouterOutputs['cycle']['byId']
type Verdicts = RouterOutputs['analytics']['cycleVerdicts']

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

function Narrative({ cycle, keyName }: { cycle: Cycle; keyName: NarrativeSectionKey }) {
  const section = NARRATIVE_SECTIONS.find((s) => s.key === keyName)
  const text = cycle.texts[keyName]?.trim() ?? ''
  return (
    <Box className={classes.block}>
      <Title order={3} size="h5">
        {section?.label ?? keyName}
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

const predicted = (q: Cycle['questions'][number]) => {
  if (q.predictedValue !== null) return String(q.predictedValue)
  if (q.predictedMin !== null || q.predictedMax !== null)
    return `${q.predictedMin ?? '…'} to ${q.predictedMax ?? '…'}`
  return ''
}

export function PrintableWorksheet({ cycle, verdicts }: { cycle: Cycle; verdicts: Verdicts | null }) {
  const yesNo = (v: boolean | null) => (v === null ? 'Not recorded' : v ? 'Yes' : 'No')
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

        <section className={classes.section} aria-labelledby="print-plan">
          <Title order={2} size="h3" id="print-plan">
            Plan
          </Title>
          <Narrative cycle={cycle} keyName="objective" />
          <Narrative cycle={cycle} keyName="hypothesis" />
          <Box className={classes.block}>
            <Title order={3} size="h5">
              Questions and predictions
            </Title>
            {cycle.questions.length === 0 ? (
              <Text size="sm" c="dimmed" fs="italic">
                No questions yet.
              </Text>
            ) : (
              <Table withTableBorder withColumnBorders className={classes.table}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>Question</Table.Th>
                    <Table.Th>Prediction</Table.Th>
                    <Table.Th>Measure / predicted value</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cycle.questions.map((q, i) => (
                    <Table.Tr key={q.id}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>{q.question}</Table.Td>
                      <Table.Td>{q.prediction}</Table.Td>
                      <Table.Td>
                        {q.measure
                          ? `${q.measure.name}${predicted(q) ? `: ${predicted(q)}` : ''}`
                          : predicted(q)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Box>
          <Narrative cycle={cycle} keyName="questions" />
          <Narrative cycle={cycle} keyName="predictions" />
          <Narrative cycle={cycle} keyName="plan" />
          <Box className={classes.block}>
            <Title order={3} size="h5">
              Tasks
            </Title>
            {cycle.tasks.length === 0 ? (
              <Text size="sm" c="dimmed" fs="italic">
                No tasks yet.
              </Text>
            ) : (
              <Table withTableBorder withColumnBorders className={classes.table}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Done</Table.Th>
                    <Table.Th>What</Table.Th>
                    <Table.Th>Who</Table.Th>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Where</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cycle.tasks.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Td>{t.done ? '☑' : '☐'}</Table.Td>
                      <Table.Td>{t.what}</Table.Td>
                      <Table.Td>{t.who}</Table.Td>
                      <Table.Td>{t.dueDate ?? ''}</Table.Td>
                      <Table.Td>{t.location}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Box>
          <Narrative cycle={cycle} keyName="dataCollection" />
          <Box className={classes.block}>
            <Title order={3} size="h5">
              Measures and verdicts
            </Title>
            {cycle.measures.length === 0 ? (
              <Text size="sm" c="dimmed" fs="italic">
                No measures linked.
              </Text>
            ) : (
              <Table withTableBorder withColumnBorders className={classes.table}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Measure</Table.Th>
                    <Table.Th>Student group</Table.Th>
                    <Table.Th>Expected</Table.Th>
                    <Table.Th>Collected by</Table.Th>
                    <Table.Th>Verdict</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cycle.measures.map((m) => {
                    const v = verdicts?.measures.find(
                      (x) =>
                        x.measure.id === m.measureId &&
                        (x.verdict.studentGroupId ?? null) === (m.studentGroupId ?? null),
                    )?.verdict
                    return (
                      <Table.Tr key={`${m.measureId}-${m.studentGroupId ?? 'all'}`}>
                        <Table.Td>
                          {m.measure.name}
                          {m.operationalDefinition ? (
                            <Text size="xs" c="dimmed">
                              {m.operationalDefinition}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>{m.studentGroup?.name ?? 'All students'}</Table.Td>
                        <Table.Td>{m.expectedDirection === 'increase' ? 'Increase' : 'Decrease'}</Table.Td>
                        <Table.Td>{m.collectedBy}</Table.Td>
                        <Table.Td>
                          {v ? (
                            <>
                              <Text size="sm" fw={700}>
                                {CYCLE_VERDICT_LABELS[v.verdict]}
                              </Text>
                              <Text size="xs">{v.message}</Text>
                            </>
                          ) : (
                            'No verdict yet'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    )
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Box>
        </section>

        <section className={classes.section} aria-labelledby="print-do">
          <Title order={2} size="h3" id="print-do">
            Do
          </Title>
          <Field label="Carried out as planned">{yesNo(cycle.carriedOutAsPlanned)}</Field>
          <Narrative cycle={cycle} keyName="do" />
        </section>

        <section className={classes.section} aria-labelledby="print-study">
          <Title order={2} size="h3" id="print-study">
            Study
          </Title>
          <Field label="Predictions confirmed">
            {cycle.predictionsConfirmed ? CONFIRMED[cycle.predictionsConfirmed] : 'Not recorded'}
          </Field>
          {cycle.questions.some((q) => q.result || q.learning || q.resultValue !== null) ? (
            <Table withTableBorder withColumnBorders className={classes.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>Result</Table.Th>
                  <Table.Th>Confirmed?</Table.Th>
                  <Table.Th>Learning</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cycle.questions.map((q, i) => (
                  <Table.Tr key={q.id}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>
                      {q.result}
                      {q.resultValue !== null ? ` (${q.resultValue})` : ''}
                    </Table.Td>
                    <Table.Td>{q.confirmed ? CONFIRMED[q.confirmed] : ''}</Table.Td>
                    <Table.Td>{q.learning}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
          <Narrative cycle={cycle} keyName="study" />
        </section>

        <section className={classes.section} aria-labelledby="print-act">
          <Title order={2} size="h3" id="print-act">
            Act
          </Title>
          <Field label="Decision">
            {cycle.decision ? DECISION_LABELS[cycle.decision] : 'Not decided yet'}
          </Field>
          <Narrative cycle={cycle} keyName="act" />
          <Field label="Spread plan">{cycle.spreadPlan || 'None'}</Field>
        </section>
      </Stack>
    </article>
  )
}
