import { Button } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlus } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import type { CycleFormOptions, CycleView } from '~/components/NewCycleModal'
import { AutosaveStatus } from '~/components/SaveState'
import { Text } from '~/components/Text'
import { errorsOnFormRows, errorsOnStartedRows, startedRows } from '~/hooks/list-rows'
import { useListAutosave } from '~/hooks/use-list-autosave'
import { useTRPC } from '~/lib/trpc'
import { LinkedMeasureFields } from './LinkedMeasureFields'
import { LinkedMeasuresList } from './LinkedMeasuresList'
import { emptyLinked, type LinkedMeasureValues, toLinkedInput, toLinkedValues } from './linked-measure-values'

const PART = 'Linked measures'
const BLANK = JSON.stringify(toLinkedInput(emptyLinked()))
/** Every linked measure, and a new row once something is chosen or written in it. */
const started = (measures: readonly LinkedMeasureValues[]) =>
  startedRows(measures, (m) => JSON.stringify(toLinkedInput(m)) === BLANK)

/** The measures the cycle expects to move, with their data collection plan. Saves itself (ADR 032). */
export function LinkedMeasuresEditor({
  cycle,
  options,
}: {
  cycle: CycleView
  options: CycleFormOptions | undefined
}) {
  if (!cycle.canEdit || !options) return <LinkedMeasuresList measures={cycle.measures} />
  return <LinkedMeasuresForm cycle={cycle} options={options} />
}

function LinkedMeasuresForm({ cycle, options }: { cycle: CycleView; options: CycleFormOptions }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { measures: cycle.measures.map(toLinkedValues) },
    validate: { measures: { measureId: (v) => (v ? null : 'Choose the measure.') } },
  })
  const save = useMutation(
    trpc.cycle.saveMeasures.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() }),
    }),
  )
  const measures = form.getValues().measures
  const autosave = useListAutosave({
    part: PART,
    rows: started(measures).map(({ row }) => toLinkedInput(row)),
    server: {
      rows: cycle.measures.map((m) => toLinkedInput(toLinkedValues(m))),
      version: cycle.listVersions.measures,
    },
    validate: () => {
      const shown = errorsOnStartedRows(form.validate().errors, started(form.getValues().measures))
      form.setErrors(shown)
      return Object.keys(shown).length === 0
    },
    save: async (expectedVersion) => {
      const rows = started(form.getValues().measures).map(({ row }) => toLinkedInput(row))
      const result = await save.mutateAsync({ id: cycle.id, expectedVersion, measures: rows })
      return { version: result.version, rows }
    },
    reset: () => form.setValues({ measures: cycle.measures.map(toLinkedValues) }),
    onFieldErrors: (errors) =>
      form.setErrors(errorsOnFormRows(errors, 'measures', started(form.getValues().measures))),
  })
  return (
    // The links save themselves: Enter in a field never submits anything.
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <Stack gap="sm">
        {measures.length === 0 ? (
          <Text size="sm" c="dimmed">
            Link the measure this change should move, so you will know whether it is an improvement.
          </Text>
        ) : null}
        {measures.map((m, i) => (
          <LinkedMeasureFields key={m.key} form={form} index={i} options={options} />
        ))}
        {form.errors.measures ? (
          <Text size="sm" c="red.8" role="alert">
            {form.errors.measures}
          </Text>
        ) : null}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={measures.length >= 10}
            onClick={() => form.insertListItem('measures', emptyLinked())}
          >
            Link a measure
          </Button>
          <AutosaveStatus autosave={autosave} part={PART} />
        </Group>
      </Stack>
    </form>
  )
}
