import { Button, Group, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlus } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CycleFormOptions, CycleView } from '~/components/NewCycleModal'
import { SaveState } from '~/components/SaveState'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useReportUnsaved } from '~/hooks/use-unsaved-changes'
import { useTRPC } from '~/lib/trpc'
import { LinkedMeasureFields } from './LinkedMeasureFields'
import { LinkedMeasuresList } from './LinkedMeasuresList'
import { emptyLinked, toLinkedInput, toLinkedValues } from './linked-measure-values'

/** The measures the cycle expects to move, with their data collection plan. */
export function LinkedMeasuresEditor({
  cycle,
  options,
}: {
  cycle: CycleView
  options: CycleFormOptions | undefined
}) {
  if (!cycle.canEdit || !options) return <LinkedMeasuresList measures={cycle.measures} />
  return <LinkedMeasuresForm key={JSON.stringify(cycle.measures)} cycle={cycle} options={options} />
}

function LinkedMeasuresForm({ cycle, options }: { cycle: CycleView; options: CycleFormOptions }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { measures: cycle.measures.map(toLinkedValues) },
    validate: { measures: { measureId: (v) => (v ? null : 'Choose the measure.') } },
  })
  const feedback = mutationFeedback({
    success: 'Linked measures saved.',
    onFieldErrors: (e) => form.setErrors(e),
  })
  const save = useMutation(
    trpc.cycle.saveMeasures.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() })
      },
    }),
  )
  const measures = form.getValues().measures
  useReportUnsaved('Linked measures', form.isDirty())
  const submit = form.onSubmit((v) => save.mutate({ id: cycle.id, measures: v.measures.map(toLinkedInput) }))
  return (
    <form onSubmit={submit} noValidate>
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
          <Group gap="sm">
            <SaveState state={save.isPending ? 'saving' : form.isDirty() ? 'unsaved' : 'idle'} />
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              Save measures
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}
