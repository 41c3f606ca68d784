import {
  ActionIcon,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Textarea,
  TextInput,
} from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { MeasureUnit } from '@pdsa/domain'
import { IconTrash } from '@tabler/icons-react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import type { LinkedMeasure, QuestionValues } from './question-values'

const UNIT_SUFFIX: Record<MeasureUnit, string> = {
  percent: '%',
  rate: 'rate',
  count: 'count',
  score: 'score',
  days: 'days',
}

type Form = UseFormReturnType<{ questions: QuestionValues[] }>

/** One question with its prediction: in words, and optionally as a value or a range in a linked measure's unit. */
export function QuestionFields({
  form,
  index,
  measures,
}: {
  form: Form
  index: number
  measures: LinkedMeasure[]
}) {
  const path = `questions.${index}`
  const q = form.getValues().questions[index]
  if (!q) return null
  const measure = measures.find((m) => m.measureId === q.measureId)?.measure
  const suffix = measure ? UNIT_SUFFIX[measure.unit] : undefined
  const number = {
    decimalScale: 2,
    rightSection: suffix,
    rightSectionWidth: suffix ? 56 : undefined,
  } as const
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <TextInput
            label={`Question ${index + 1}`}
            placeholder="e.g. Will more families reply within a day?"
            withAsterisk
            style={{ flex: 1 }}
            {...form.getInputProps(`${path}.question`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            c="red.9"
            size="lg"
            aria-label={`Remove question ${index + 1}`}
            onClick={() => form.removeListItem('questions', index)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
        <Textarea
          label="Prediction"
          description="What do you expect to happen, and why? Write it before the test starts."
          autosize
          minRows={2}
          {...form.getInputProps(`${path}.prediction`)}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${path}-kind`}>
            Quantified prediction
          </Text>
          <SegmentedControl
            aria-labelledby={`${path}-kind`}
            data={[
              { value: 'none', label: 'Words only' },
              { value: 'value', label: 'A value' },
              { value: 'range', label: 'A range' },
            ]}
            style={{ alignSelf: 'flex-start' }}
            {...form.getInputProps(`${path}.kind`)}
          />
        </Stack>
        {q.kind !== 'none' ? (
          <SimpleGrid cols={{ base: 1, sm: q.kind === 'value' ? 2 : 3 }} spacing="sm">
            <Select
              label="In measure"
              placeholder={measures.length ? 'Choose a linked measure' : 'Link a measure first'}
              description={measures.length ? undefined : 'Link a measure under “Linked measures”.'}
              data={measures.map((m) => ({ value: m.measureId, label: m.measure.name }))}
              {...form.getInputProps(`${path}.measureId`)}
            />
            {q.kind === 'value' ? (
              <NumberInput
                label="Predicted value"
                {...number}
                {...form.getInputProps(`${path}.predictedValue`)}
              />
            ) : (
              <>
                <NumberInput label="From" {...number} {...form.getInputProps(`${path}.predictedMin`)} />
                <NumberInput label="To" {...number} {...form.getInputProps(`${path}.predictedMax`)} />
              </>
            )}
          </SimpleGrid>
        ) : null}
      </Stack>
    </Paper>
  )
}
