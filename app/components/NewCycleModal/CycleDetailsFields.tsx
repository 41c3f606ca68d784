import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import type { UseFormReturnType } from '@mantine/form'
import { CYCLE_PURPOSES, PURPOSE_LABELS } from '@pdsa/domain'
import { Stack } from '~/components/Layout'
import type { CycleFormOptions, CycleFormValues } from './cycle-form-values'

/** The header fields of a cycle: what it tests, at what scale, when, and who runs it. */
export function CycleDetailsFields({
  form,
  options,
  withActuals,
}: {
  form: UseFormReturnType<CycleFormValues>
  options: CycleFormOptions
  withActuals: boolean
}) {
  const values = form.getValues()
  const ideas = options.changeIdeas.filter((c) => !values.goalId || c.goalId === values.goalId)
  const date = {
    valueFormat: 'MMM D, YYYY',
    placeholder: 'Pick a date',
    clearable: true,
    clearButtonProps: { 'aria-label': 'Clear the date' },
  } as const
  return (
    <Stack gap="md">
      <TextInput
        label="Title"
        withAsterisk
        placeholder="e.g. Personal text to families after the 2nd absence"
        {...form.getInputProps('title')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Goal"
          description="The equity goal this cycle serves."
          placeholder="Choose a goal"
          clearable
          data={options.goals.map((g) => ({ value: g.id, label: g.title }))}
          {...form.getInputProps('goalId')}
          onChange={(goalId) => {
            form.setFieldValue('goalId', goalId)
            const idea = options.changeIdeas.find((c) => c.id === form.getValues().changeIdeaId)
            if (idea && goalId && idea.goalId !== goalId) form.setFieldValue('changeIdeaId', null)
          }}
        />
        <Select
          label="Change idea"
          description="The change this cycle tests."
          placeholder={ideas.length ? 'Choose a change idea' : 'No change ideas yet'}
          clearable
          searchable
          nothingFoundMessage="No change idea matches. Add one to the goal's driver diagram."
          data={ideas.map((c) => ({ value: c.id, label: c.title }))}
          {...form.getInputProps('changeIdeaId')}
          onChange={(changeIdeaId) => {
            form.setFieldValue('changeIdeaId', changeIdeaId)
            const idea = options.changeIdeas.find((c) => c.id === changeIdeaId)
            if (idea && !form.getValues().goalId) form.setFieldValue('goalId', idea.goalId)
          }}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Purpose"
          allowDeselect={false}
          data={CYCLE_PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))}
          {...form.getInputProps('purpose')}
        />
        <TextInput
          label="Scale of the test"
          description="Start small: one teacher, one class or a few students, for a week or two."
          placeholder="e.g. One advisory class"
          {...form.getInputProps('scale')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateInput label="Planned start" withAsterisk {...date} {...form.getInputProps('plannedStart')} />
        <DateInput label="Planned end" withAsterisk {...date} {...form.getInputProps('plannedEnd')} />
      </SimpleGrid>
      {withActuals ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateInput label="Actual start" {...date} {...form.getInputProps('actualStart')} />
          <DateInput label="Actual end" {...date} {...form.getInputProps('actualEnd')} />
          <NumberInput
            label="Lag days"
            description="Days after the end whose data still count."
            min={0}
            max={365}
            allowDecimal={false}
            {...form.getInputProps('lagDays')}
          />
        </SimpleGrid>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Owner"
          placeholder="Choose a team member"
          clearable
          data={options.members.map((m) => ({ value: m.id, label: m.name }))}
          {...form.getInputProps('ownerId')}
        />
        <TextInput
          label="Testers"
          description="Who carries out the test."
          placeholder="e.g. Ms. Rivera, Mr. Chen"
          {...form.getInputProps('testers')}
        />
      </SimpleGrid>
    </Stack>
  )
}
