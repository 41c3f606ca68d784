import { Alert, Button, NumberInput, Paper, Select, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { timeZoneNames } from '@pdsa/domain'
import { IconShieldLock } from '@tabler/icons-react'
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import { SchoolYearStartInput, schoolYearStartFieldProblem, toSchoolYearStart } from './SchoolYearStartInput'

/** The district's name, its small-cell privacy threshold, the day its school year starts and its time zone. */
export function DistrictSettingsForm() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { data: settings } = useSuspenseQuery(trpc.org.districtSettings.queryOptions())
  const form = useForm({
    initialValues: {
      name: settings.name,
      suppressionThreshold: settings.suppressionThreshold as number | string,
      schoolYearStartMonth: settings.schoolYearStart.slice(0, 2),
      schoolYearStartDay: Number(settings.schoolYearStart.slice(3)) as number | string,
      timeZone: settings.timeZone,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter the district’s name.'),
      suppressionThreshold: (v) =>
        Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 100
          ? null
          : 'A whole number from 1 to 100.',
      schoolYearStartDay: (day, values) => schoolYearStartFieldProblem(values.schoolYearStartMonth, day),
      timeZone: (v) => (v ? null : 'Choose the district’s time zone.'),
    },
  })
  const feedback = mutationFeedback({
    success: 'Settings saved.',
    onFieldErrors: ({ schoolYearStart, ...errors }) =>
      form.setErrors({ ...errors, ...(schoolYearStart ? { schoolYearStartDay: schoolYearStart } : {}) }),
  })
  const save = useMutation(
    trpc.org.updateDistrictSettings.mutationOptions({
      onError: feedback.onError,
      onSuccess: async (saved) => {
        feedback.onSuccess()
        form.resetDirty({
          name: saved.name,
          suppressionThreshold: saved.suppressionThreshold,
          schoolYearStartMonth: saved.schoolYearStart.slice(0, 2),
          schoolYearStartDay: Number(saved.schoolYearStart.slice(3)),
          timeZone: saved.timeZone,
        })
        await queryClient.invalidateQueries({ queryKey: trpc.org.districtSettings.pathKey() })
        await queryClient.invalidateQueries({ queryKey: trpc.org.navigation.pathKey() })
      },
    }),
  )
  const threshold = Number(form.values.suppressionThreshold) || settings.suppressionThreshold
  return (
    <Paper withBorder p="lg" maw={720}>
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate({
            name: v.name,
            suppressionThreshold: Number(v.suppressionThreshold),
            schoolYearStart: toSchoolYearStart(v.schoolYearStartMonth, v.schoolYearStartDay),
            timeZone: v.timeZone,
          }),
        )}
      >
        <Stack gap="md">
          <TextInput
            label="District name"
            required
            disabled={!settings.canEdit}
            {...form.getInputProps('name')}
          />
          <NumberInput
            label="Privacy threshold"
            description="The fewest students a shown value may come from. Most states use 10 or 11."
            min={1}
            max={100}
            allowDecimal={false}
            maw={420}
            disabled={!settings.canEdit}
            {...form.getInputProps('suppressionThreshold')}
          />
          <Alert
            variant="light"
            icon={<IconShieldLock size={18} aria-hidden />}
            title="What the threshold does"
          >
            <Text size="sm">
              Any value computed from fewer than {threshold} students (its denominator) is hidden from
              everyone who cannot enter that school’s data: viewers, coaches and principals see “n &lt;{' '}
              {threshold}” instead of the number, in tables, charts and exports. When hiding one value is not
              enough (it could be worked out by subtracting the other groups from all students), another value
              of the same week is hidden too. Team members and district leaders still see every value they
              enter.
            </Text>
          </Alert>
          <SchoolYearStartInput
            disabled={!settings.canEdit}
            month={form.getInputProps('schoolYearStartMonth')}
            day={form.getInputProps('schoolYearStartDay')}
          />
          <Select
            label="Time zone"
            description="Dates and times are shown in it, and daily and weekly emails go out at its local hours."
            searchable
            allowDeselect={false}
            data={timeZoneNames()}
            maw={420}
            disabled={!settings.canEdit}
            {...form.getInputProps('timeZone')}
          />
          {settings.canEdit ? (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                Save settings
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  )
}
