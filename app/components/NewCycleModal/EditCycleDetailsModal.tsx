import { Button, Modal } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { preventEnterSubmit } from '~/lib/prevent-enter-submit'
import { useTRPC } from '~/lib/trpc'
import { CycleDetailsFields } from './CycleDetailsFields'
import {
  type CycleFormOptions,
  type CycleView,
  initialCycleValues,
  toCycleInput,
  validateCycleValues,
} from './cycle-form-values'
import { FormOptionsLoader } from './FormOptionsLoader'

interface Props {
  opened: boolean
  onClose: () => void
  cycle: CycleView
}

/** Edit a cycle's header: title, goal, change idea, purpose, scale, dates, owner and testers. */
export function EditCycleDetailsModal({ opened, onClose, cycle }: Props) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="Edit cycle details"
      size="lg"
    >
      <FormOptionsLoader teamId={cycle.team.id} enabled={opened}>
        {(options) => <EditCycleForm options={options} onClose={onClose} cycle={cycle} />}
      </FormOptionsLoader>
    </Modal>
  )
}

function EditCycleForm({ options, onClose, cycle }: Omit<Props, 'opened'> & { options: CycleFormOptions }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({ initialValues: initialCycleValues(undefined, cycle), validate: validateCycleValues })
  const feedback = mutationFeedback({
    success: 'Cycle details saved.',
    onFieldErrors: (e) => form.setErrors(e),
  })
  const update = useMutation(
    trpc.cycle.update.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() })
        onClose()
      },
    }),
  )
  const submit = form.onSubmit((values) =>
    update.mutate({
      id: cycle.id,
      ...toCycleInput(values),
      actualStart: values.actualStart,
      actualEnd: values.actualEnd,
      lagDays: typeof values.lagDays === 'number' ? values.lagDays : Number(values.lagDays || 0),
    }),
  )
  return (
    <form onSubmit={submit} onKeyDown={preventEnterSubmit} noValidate>
      <Stack gap="lg">
        <CycleDetailsFields form={form} options={options} withActuals />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save details
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
