import {
  Alert,
  Button,
  Drawer,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  CADENCE_LABELS,
  CADENCES,
  CHART_TYPE_LABELS,
  CHART_TYPES,
  type ChartType,
  chartTypeProblem,
  defaultChartType,
  defaultMultiplier,
  FAMILY_DESCRIPTIONS,
  FAMILY_LABELS,
  MEASURE_FAMILIES,
  MEASURE_UNITS,
  type MeasureUnit,
  UNIT_LABELS,
  usesNumeratorDenominator,
} from '@pdsa/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import {
  ACCUMULATION_HELP,
  initialValues,
  type MeasureForEdit,
  type MeasureFormValues,
  UNIT_HELP,
} from './measure-form-values'
import { useMeasureScopes } from './use-measure-scopes'

/** Creates a measure (library or school) or edits one, in a drawer with a description for every field. */
export function MeasureForm({
  measure,
  opened,
  onClose,
  onSaved,
}: {
  measure: MeasureForEdit | null
  opened: boolean
  onClose: () => void
  onSaved?: (measure: { id: string }) => void
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const scopes = useMeasureScopes()
  const defaultScope = scopes.canCreateLibrary ? '' : (scopes.schools[0]?.id ?? '')
  const form = useForm<MeasureFormValues>({
    initialValues: initialValues(measure, defaultScope),
    validate: {
      name: (v) => (v.trim() ? null : 'Name the measure.'),
      code: (v) =>
        measure || /^[A-Za-z0-9_.-]{1,40}$/.test(v.trim()) ? null : 'Letters, digits, ., - and _ only.',
      chartType: (v, values) => chartTypeProblem(v, values.unit),
      multiplier: (v) => (Number(v) > 0 ? null : 'Must be positive.'),
    },
  })
  const v = form.values
  const feedback = mutationFeedback({
    success: measure ? 'Measure saved.' : 'Measure created.',
    onFieldErrors: form.setErrors,
  })
  const options = {
    onError: feedback.onError,
    onSuccess: async (saved: { id: string }) => {
      feedback.onSuccess()
      await queryClient.invalidateQueries({ queryKey: trpc.measure.pathKey() })
      onClose()
      onSaved?.(saved)
    },
  }
  const create = useMutation(trpc.measure.create.mutationOptions(options))
  const update = useMutation(trpc.measure.update.mutationOptions(options))
  const hasData = (measure?.observationCount ?? 0) > 0
  const submit = form.onSubmit((values) => {
    const common = {
      name: values.name,
      description: values.description,
      family: values.family,
      numeratorDefinition: values.numeratorDefinition,
      denominatorDefinition: values.denominatorDefinition,
      higherIsBetter: values.higherIsBetter === 'true',
      cadence: values.cadence,
      accumulation: values.accumulation,
      chartType: values.chartType,
      isAdverseEvent: values.isAdverseEvent,
    }
    if (measure) update.mutate({ id: measure.id, ...common, archived: values.archived })
    else
      create.mutate({
        ...common,
        schoolId: values.scope || null,
        code: values.code,
        unit: values.unit,
        multiplier: Number(values.multiplier),
      })
  })
  const scopeOptions = [
    ...(scopes.canCreateLibrary ? [{ value: '', label: 'District library (every school)' }] : []),
    ...scopes.schools.map((s) => ({ value: s.id, label: `${s.name} only` })),
  ]

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={measure ? `Edit ${measure.name}` : 'New measure'}
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          {measure ? null : (
            <Select
              label="Where it lives"
              description="Library measures can be used by every school; a school’s own measure only there."
              data={scopeOptions}
              allowDeselect={false}
              {...form.getInputProps('scope')}
            />
          )}
          <TextInput
            label="Name"
            required
            data-autofocus
            placeholder="e.g. Chronic absence rate"
            {...form.getInputProps('name')}
          />
          {measure ? null : (
            <TextInput
              label="Code"
              required
              description="Short and unique in the district; CSV imports use it, e.g. CHRONIC_ABS."
              {...form.getInputProps('code')}
            />
          )}
          <Textarea
            label="Description"
            description="What it measures and why it matters, in a sentence or two."
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Select
            label="Family"
            description={FAMILY_DESCRIPTIONS[v.family]}
            allowDeselect={false}
            data={MEASURE_FAMILIES.map((f) => ({ value: f, label: FAMILY_LABELS[f] }))}
            {...form.getInputProps('family')}
          />
          <Select
            label="Unit"
            description={measure ? 'The unit cannot change once the measure exists.' : UNIT_HELP[v.unit]}
            allowDeselect={false}
            disabled={measure !== null}
            data={MEASURE_UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))}
            {...form.getInputProps('unit')}
            onChange={(value) => {
              const unit = (value ?? 'percent') as MeasureUnit
              form.setValues({ unit, chartType: defaultChartType(unit), multiplier: defaultMultiplier(unit) })
            }}
          />
          {usesNumeratorDenominator(v.unit) ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea
                label="Numerator"
                description="Who or what is counted, e.g. students absent ≥ 10% of days enrolled."
                autosize
                {...form.getInputProps('numeratorDefinition')}
              />
              <Textarea
                label="Denominator"
                description="Out of whom: the n used for control limits and privacy."
                autosize
                {...form.getInputProps('denominatorDefinition')}
              />
            </SimpleGrid>
          ) : null}
          <Stack gap={4}>
            <Text size="sm" fw={600} id="direction-label">
              Better when the value is
            </Text>
            <SegmentedControl
              aria-labelledby="direction-label"
              data={[
                { value: 'true', label: 'Higher' },
                { value: 'false', label: 'Lower' },
              ]}
              {...form.getInputProps('higherIsBetter')}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Cadence"
              description={
                hasData ? 'Fixed: the measure already has data.' : 'How often a value is recorded.'
              }
              allowDeselect={false}
              disabled={hasData}
              data={CADENCES.map((c) => ({ value: c, label: CADENCE_LABELS[c] }))}
              {...form.getInputProps('cadence')}
            />
            <Select
              label="Chart"
              description="Chosen from the unit; change it only if you know why."
              allowDeselect={false}
              data={CHART_TYPES.map((c) => ({ value: c, label: CHART_TYPE_LABELS[c as ChartType] }))}
              {...form.getInputProps('chartType')}
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={600} id="accumulation-label">
              Accumulates
            </Text>
            <SegmentedControl
              aria-labelledby="accumulation-label"
              aria-describedby="accumulation-help"
              data={[
                { value: 'period', label: 'Per period' },
                { value: 'to_date', label: 'Year to date' },
              ]}
              {...form.getInputProps('accumulation')}
            />
            <Text size="xs" c="dimmed" id="accumulation-help">
              {ACCUMULATION_HELP[v.accumulation]}
            </Text>
            {hasData && measure && v.accumulation !== measure.accumulation ? (
              <Alert color="yellow" variant="light" p="xs">
                <Text size="xs">
                  The {measure.observationCount.toLocaleString('en-US')} values already entered will be read
                  as {v.accumulation === 'to_date' ? 'year to date' : 'per period'} from now on, in charts and
                  verdicts. Change it only if the definition was wrong; the change is recorded in the audit
                  log.
                </Text>
              </Alert>
            ) : null}
          </Stack>
          {measure ? null : (
            <NumberInput
              label="Multiplier"
              description="Value = numerator ÷ denominator × multiplier: 100 for percents and “per 100 students”."
              min={0}
              w={240}
              {...form.getInputProps('multiplier')}
            />
          )}
          <Switch
            label="Adverse event"
            description="Suspensions, chronic absence…: gaps between groups are also shown as a risk ratio."
            {...form.getInputProps('isAdverseEvent', { type: 'checkbox' })}
          />
          {measure ? (
            <Switch
              label="Archived"
              description="Hidden from the library and closed to new data; existing data and goals keep it."
              {...form.getInputProps('archived', { type: 'checkbox' })}
            />
          ) : null}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {measure ? 'Save measure' : 'Create measure'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  )
}
