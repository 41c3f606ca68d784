import { Divider, NumberInput, Paper, SegmentedControl, SimpleGrid, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { type Confirmation, formatMeasureValue, type MeasureUnit } from '@pdsa/domain'
import { Fragment } from 'react'
import { Group, Stack } from '~/components/Layout'
import type { CycleView } from '~/components/NewCycleModal'
import { AutosaveStatus } from '~/components/SaveState'
import { Text } from '~/components/Text'
import { LockedPrediction } from './LockedPrediction'
import { type CycleQuestion, toQuestionValues } from './question-values'
import { useQuestionsAutosave } from './use-save-questions'

const CONFIRMED = [
  { value: '', label: 'Not yet' },
  { value: 'yes', label: 'Yes' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'No' },
]
const CONFIRMED_LABEL: Record<Confirmation, string> = {
  yes: 'Confirmed',
  partly: 'Partly confirmed',
  no: 'Not confirmed',
}

function ResultText({ q }: { q: CycleQuestion }) {
  const value =
    q.resultValue !== null && q.measure
      ? formatMeasureValue(q.resultValue, q.measure.unit as MeasureUnit)
      : null
  return (
    <Stack gap={4}>
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          Result:{' '}
        </Text>
        {q.result || <em>not recorded yet</em>}
        {value ? ` (${value})` : ''}
      </Text>
      {q.learning ? (
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            Learning:{' '}
          </Text>
          {q.learning}
        </Text>
      ) : null}
      {q.confirmed ? (
        <Text size="sm" fw={600}>
          {CONFIRMED_LABEL[q.confirmed]}
        </Text>
      ) : null}
    </Stack>
  )
}

/** Study: each question's locked prediction next to its result, the learning, and whether it was confirmed. */
export function QuestionResults({ cycle }: { cycle: CycleView }) {
  if (cycle.questions.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        No questions were written in Plan.
      </Text>
    )
  }
  if (!cycle.predictionsLocked) {
    return (
      <Text size="sm" c="dimmed">
        Results are recorded once the test has started (from Do on), next to the predictions made in Plan.
      </Text>
    )
  }
  if (!cycle.canEdit) {
    return (
      <Stack gap="md">
        {cycle.questions.map((q, i) => (
          <Fragment key={q.id}>
            {i > 0 ? <Divider /> : null}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <LockedPrediction question={q} index={i} lockedOn={cycle.predictionsLockedOn} />
              <ResultText q={q} />
            </SimpleGrid>
          </Fragment>
        ))}
      </Stack>
    )
  }
  return <ResultsForm cycle={cycle} />
}

function ResultsForm({ cycle }: { cycle: CycleView }) {
  const form = useForm({ initialValues: { questions: cycle.questions.map(toQuestionValues) } })
  const autosave = useQuestionsAutosave(cycle, form, 'Results')
  return (
    // The results save themselves: Enter in a field never submits anything.
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <Stack gap="md">
        {cycle.questions.map((q, i) => {
          const path = `questions.${i}`
          const confirmed = form.getInputProps(`${path}.confirmed`)
          return (
            <Paper key={q.id} withBorder p="sm">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                <LockedPrediction question={q} index={i} lockedOn={cycle.predictionsLockedOn} />
                <Stack gap="xs">
                  <Textarea label="Result" autosize minRows={2} {...form.getInputProps(`${path}.result`)} />
                  {q.measure ? (
                    <NumberInput
                      label={`Result value (${q.measure.name})`}
                      decimalScale={2}
                      {...form.getInputProps(`${path}.resultValue`)}
                    />
                  ) : null}
                  <Textarea
                    label="Learning"
                    autosize
                    minRows={2}
                    {...form.getInputProps(`${path}.learning`)}
                  />
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id={`${q.id}-confirmed`}>
                      Prediction confirmed?
                    </Text>
                    <SegmentedControl
                      aria-labelledby={`${q.id}-confirmed`}
                      data={CONFIRMED}
                      value={confirmed.value ?? ''}
                      onChange={(v) =>
                        form.setFieldValue(`${path}.confirmed`, v === '' ? null : (v as Confirmation))
                      }
                      style={{ alignSelf: 'flex-start' }}
                    />
                  </Stack>
                </Stack>
              </SimpleGrid>
            </Paper>
          )
        })}
        <Group justify="flex-end">
          <AutosaveStatus autosave={autosave} part="Results" />
        </Group>
      </Stack>
    </form>
  )
}
