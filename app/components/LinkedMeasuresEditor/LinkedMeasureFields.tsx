import { ActionIcon, Paper, SegmentedControl, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconTrash } from '@tabler/icons-react'
import { Group, Stack } from '~/components/Layout'
import type { CycleFormOptions } from '~/components/NewCycleModal'
import { Text } from '~/components/Text'
import type { LinkedMeasureValues } from './linked-measure-values'

type Form = UseFormReturnType<{ measures: LinkedMeasureValues[] }>

/** One linked measure: which, for which students, which way it should move, and how its data are collected. */
export function LinkedMeasureFields({
  form,
  index,
  options,
}: {
  form: Form
  index: number
  options: CycleFormOptions
}) {
  const path = `measures.${index}`
  const all = form.getValues().measures
  const taken = new Set(all.filter((_, i) => i !== index).map((m) => m.measureId))
  const n = index + 1
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Group align="flex-end" wrap="nowrap" gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
            <Select
              label={`Measure ${n}`}
              withAsterisk
              searchable
              placeholder="Choose a measure"
              nothingFoundMessage="No measure matches. Add it under Measures and data."
              data={options.measures
                .filter((m) => !taken.has(m.id))
                .map((m) => ({ value: m.id, label: m.name }))}
              {...form.getInputProps(`${path}.measureId`)}
            />
            <Select
              label="Student group"
              placeholder="All students"
              clearable
              data={options.studentGroups.map((g) => ({ value: g.id, label: g.name }))}
              {...form.getInputProps(`${path}.studentGroupId`)}
            />
          </SimpleGrid>
          <ActionIcon
            variant="subtle"
            color="red"
            c="red.9"
            size="lg"
            aria-label={`Remove measure ${n}`}
            onClick={() => form.removeListItem('measures', index)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${path}-direction`}>
            Expected direction
          </Text>
          <SegmentedControl
            aria-labelledby={`${path}-direction`}
            data={[
              { value: 'increase', label: 'Increase' },
              { value: 'decrease', label: 'Decrease' },
            ]}
            style={{ alignSelf: 'flex-start' }}
            {...form.getInputProps(`${path}.expectedDirection`)}
          />
        </Stack>
        <Textarea
          label="Operational definition"
          description="Exactly what is counted: numerator, denominator, which students, which days."
          autosize
          minRows={2}
          {...form.getInputProps(`${path}.operationalDefinition`)}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Collected by" {...form.getInputProps(`${path}.collectedBy`)} />
          <TextInput
            label="When"
            placeholder="e.g. every Friday"
            {...form.getInputProps(`${path}.collectionSchedule`)}
          />
          <TextInput label="Analysed by" {...form.getInputProps(`${path}.analysedBy`)} />
        </SimpleGrid>
        <Textarea
          label="Qualitative data"
          description="What you will hear or see besides the numbers (student voice, notes)."
          autosize
          minRows={2}
          {...form.getInputProps(`${path}.qualitativeData`)}
        />
      </Stack>
    </Paper>
  )
}
