import { List, Table, Title } from '@mantine/core'
import {
  type CycleSnapshotContent,
  DECISION_LABELS,
  formatIsoDate,
  formatMeasureValue,
  type MeasureUnit,
  NARRATIVE_SECTIONS,
  PURPOSE_LABELS,
} from '@pdsa/domain'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

const inUnit = (v: number | null, unit: string | null) =>
  v === null ? null : formatMeasureValue(v, (unit ?? 'score') as MeasureUnit)

/** A worksheet as it was at a stage transition, read-only. */
export function SnapshotContent({ content }: { content: CycleSnapshotContent }) {
  const h = content.header
  const written = NARRATIVE_SECTIONS.filter((s) => content.texts[s.key]?.trim())
  const first = written.filter((s) => s.key === 'objective' || s.key === 'hypothesis')
  const rest = written.filter((s) => s.key !== 'objective' && s.key !== 'hypothesis')
  const textBlock = (s: (typeof written)[number]) => (
    <section key={s.key}>
      <Title order={3} size="h5" mb={4}>
        {s.label}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {content.texts[s.key]}
      </Text>
    </section>
  )
  return (
    <Stack gap="md">
      <Text size="sm">
        {PURPOSE_LABELS[h.purpose]} · {h.scale || 'scale not stated'} · planned{' '}
        {formatIsoDate(h.plannedStart, 'short')} – {formatIsoDate(h.plannedEnd, 'short')}
        {h.owner ? ` · owner ${h.owner}` : ''}
        {h.changeIdea ? ` · tests “${h.changeIdea}”` : ''}
      </Text>
      {first.map(textBlock)}
      <section>
        <Title order={3} size="h5" mb={4}>
          Questions and predictions
        </Title>
        {content.questions.length === 0 ? (
          <Text size="sm" c="dimmed">
            None.
          </Text>
        ) : (
          <List size="sm" spacing="xs" type="ordered">
            {content.questions.map((q) => (
              <List.Item key={q.position}>
                <Text size="sm" fw={600}>
                  {q.question}
                </Text>
                <Text size="sm">Prediction: {q.prediction || '—'}</Text>
                {q.measure ? (
                  <Text size="sm">
                    Predicted:{' '}
                    {inUnit(q.predictedValue, q.unit) ??
                      `${inUnit(q.predictedMin, q.unit) ?? '—'} to ${inUnit(q.predictedMax, q.unit) ?? '—'}`}{' '}
                    ({q.measure})
                  </Text>
                ) : null}
                {q.result ? <Text size="sm">Result: {q.result}</Text> : null}
              </List.Item>
            ))}
          </List>
        )}
      </section>
      {rest.map(textBlock)}
      {content.tasks.length > 0 ? (
        <section>
          <Title order={3} size="h5" mb={4}>
            Tasks
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Done</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {content.tasks.map((t) => (
                  <Table.Tr key={t.position}>
                    <Table.Td>{t.what}</Table.Td>
                    <Table.Td>{t.who || '—'}</Table.Td>
                    <Table.Td>{formatIsoDate(t.dueDate, 'short')}</Table.Td>
                    <Table.Td>{t.done ? 'Yes' : 'No'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      ) : null}
      {content.measures.length > 0 ? (
        <section>
          <Title order={3} size="h5" mb={4}>
            Linked measures
          </Title>
          <List size="sm">
            {content.measures.map((m) => (
              <List.Item key={m.measure}>
                {m.measure} ({m.studentGroup ?? 'all students'}), expected to {m.expectedDirection}
              </List.Item>
            ))}
          </List>
        </section>
      ) : null}
      {h.decision ? (
        <Text size="sm">
          <b>Decision:</b> {DECISION_LABELS[h.decision]}
          {h.spreadPlan ? ` · Spread plan: ${h.spreadPlan}` : ''}
        </Text>
      ) : null}
    </Stack>
  )
}
