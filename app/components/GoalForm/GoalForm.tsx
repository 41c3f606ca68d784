import {
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Switch,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { DateInput } from '@mantine/dates'
import type { UseFormReturnType } from '@mantine/form'
import { type MeasureUnit, REFERENCE_KINDS, REFERENCE_LABELS } from '@pdsa/domain'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { AimPreview } from './AimPreview'
import { BaselineFromData, type useDataBaseline } from './BaselineFromData'
import type { GoalFormOptions, GoalFormValues } from './goal-form-values'

const UNIT_SUFFIX: Record<MeasureUnit, string> = {
  percent: '%',
  rate: 'per unit',
  count: 'count',
  score: 'score',
  days: 'days',
}

const STATUS_OPTIONS = [
  { value: 'draft', label: 'Draft' },
  { value: 'active', label: 'Active' },
  { value: 'met', label: 'Met' },
]

/** The fields of a goal: what improves, for whom, compared with whom, by how much and by when. */
export function GoalForm({
  form,
  options,
  showStatus,
  dataBaseline,
}: {
  form: UseFormReturnType<GoalFormValues>
  options: GoalFormOptions
  showStatus: boolean
  /** The data's baseline for the aim chosen so far (see BaselineFromData). */
  dataBaseline: ReturnType<typeof useDataBaseline>
}) {
  const values = form.getValues()
  const measure = options.measures.find((m) => m.id === values.measureId)
  const unit = measure ? UNIT_SUFFIX[measure.unit as MeasureUnit] : undefined
  const unitHint = measure
    ? measure.unit === 'percent'
      ? 'Values in percent: 24.5 means 24.5%. Gaps in percentage points.'
      : `Values in the measure's unit (${measure.unit}).`
    : undefined
  const groups = options.studentGroups.map((g) => ({ value: g.id, label: g.name }))
  // "All students" is a comparison of its own (the radio above), not a named group.
  const comparisonGroups = options.studentGroups
    .filter((g) => g.category !== 'all')
    .map((g) => ({ value: g.id, label: g.name }))
  const fixedTarget = values.referenceKind === 'fixed_target'
  return (
    <Stack gap="md">
      <TextInput
        label="Title"
        withAsterisk
        placeholder="e.g. Chronic absence of Black students"
        {...form.getInputProps('title')}
      />
      <Select
        label="Measure"
        description="The outcome measure that shows whether the students' experience improved."
        withAsterisk
        searchable
        placeholder="Choose a measure"
        nothingFoundMessage="No measure matches. Ask a district leader to add it to the measures library."
        data={options.measures.map((m) => ({
          value: m.id,
          label: `${m.name}${m.schoolId ? ' (this school)' : ''}`,
        }))}
        {...form.getInputProps('measureId')}
      />
      <Select
        label="Focal group"
        description="The students this goal is for."
        withAsterisk
        searchable
        placeholder="Choose a student group"
        data={groups}
        {...form.getInputProps('focalGroupId')}
      />
      <Radio.Group label="Compared with" withAsterisk {...form.getInputProps('referenceKind')}>
        <Group mt="xs" gap="lg">
          {REFERENCE_KINDS.map((k) => (
            <Radio key={k} value={k} label={REFERENCE_LABELS[k]} />
          ))}
        </Group>
      </Radio.Group>
      {values.referenceKind === 'named_group' ? (
        <Select
          label="Comparison group"
          withAsterisk
          searchable
          placeholder="Choose the group to compare with"
          data={comparisonGroups.filter((g) => g.value !== values.focalGroupId)}
          {...form.getInputProps('referenceGroupId')}
        />
      ) : null}
      <div>
        <Title order={3} size="h5" mb={4}>
          Baseline and target
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {unitHint ?? 'Choose a measure to see its unit.'}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Baseline value"
            withAsterisk
            decimalScale={2}
            hideControls
            rightSection={unit}
            rightSectionWidth={unit ? 70 : undefined}
            {...form.getInputProps('baselineValue')}
          />
          <DateInput
            label="Baseline date"
            withAsterisk
            valueFormat="MMM D, YYYY"
            placeholder="Pick a date"
            {...form.getInputProps('baselineDate')}
          />
          <NumberInput
            label="Target value"
            withAsterisk
            decimalScale={2}
            hideControls
            rightSection={unit}
            rightSectionWidth={unit ? 70 : undefined}
            {...form.getInputProps('targetValue')}
          />
          <DateInput
            label="Target date"
            withAsterisk
            valueFormat="MMM D, YYYY"
            placeholder="Pick a date"
            {...form.getInputProps('targetDate')}
          />
          {fixedTarget ? null : (
            <>
              <NumberInput
                label="Baseline gap (optional)"
                description="Focal group minus comparison, at baseline"
                decimalScale={2}
                hideControls
                {...form.getInputProps('baselineGap')}
              />
              <NumberInput
                label="Target gap (optional)"
                description="The gap to reach by the target date"
                decimalScale={2}
                hideControls
                {...form.getInputProps('targetGap')}
              />
            </>
          )}
        </SimpleGrid>
        <BaselineFromData form={form} query={dataBaseline} />
      </div>
      <MultiSelect
        label="Aligned district goals"
        description="The district priorities this goal serves."
        placeholder={
          options.districtGoals.some((d) => !d.archived) ? 'Choose district goals' : 'No district goals yet'
        }
        searchable
        data={options.districtGoals
          .filter((d) => !d.archived || values.districtGoalIds.includes(d.id))
          .map((d) => ({ value: d.id, label: `${d.code} · ${d.title}${d.archived ? ' (archived)' : ''}` }))}
        {...form.getInputProps('districtGoalIds')}
      />
      {showStatus ? (
        <Select
          label="Status"
          data={STATUS_OPTIONS}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
      ) : null}
      <AimPreview values={values} options={options} />
      <Switch
        label="Write our own aim statement instead"
        {...form.getInputProps('useCustomAim', { type: 'checkbox' })}
      />
      {values.useCustomAim ? (
        <Textarea
          label="Aim statement"
          withAsterisk
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('aimStatement')}
        />
      ) : null}
    </Stack>
  )
}
