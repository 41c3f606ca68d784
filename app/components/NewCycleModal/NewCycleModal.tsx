import { Button, Modal } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
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
  teamId: string
  /** Continue this cycle's ramp (the next cycle of the same change idea). */
  previous?: CycleView
  /** Start from a change idea: its goal and the idea chosen, its title proposed. */
  preset?: { goalId: string; changeIdeaId: string; title: string }
}

/** Plan a new cycle (or the next cycle of a ramp); opens the new cycle's worksheet. */
export function NewCycleModal({ opened, onClose, teamId, previous, preset }: Props) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title={previous ? `Plan cycle ${previous.cycleNumber + 1}` : 'New PDSA cycle'}
      size="lg"
    >
      <FormOptionsLoader teamId={teamId} enabled={opened}>
        {(options) => (
          <NewCycleForm
            options={options}
            onClose={onClose}
            teamId={teamId}
            previous={previous}
            preset={preset}
          />
        )}
      </FormOptionsLoader>
    </Modal>
  )
}

function NewCycleForm({
  options,
  onClose,
  teamId,
  previous,
  preset,
}: Omit<Props, 'opened'> & { options: CycleFormOptions }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const initial = initialCycleValues(previous)
  const form = useForm({
    initialValues: preset
      ? { ...initial, goalId: preset.goalId, changeIdeaId: preset.changeIdeaId, title: preset.title }
      : initial,
    validate: validateCycleValues,
  })
  const feedback = mutationFeedback({
    success: 'Cycle planned. Next, write the objective and your predictions.',
    onFieldErrors: (errors) => form.setErrors(errors),
  })
  const create = useMutation(
    trpc.cycle.create.mutationOptions({
      onError: feedback.onError,
      onSuccess: async (cycle) => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() })
        onClose()
        navigate(`/cycles/${cycle.id}`)
      },
    }),
  )
  const submit = form.onSubmit((values) =>
    create.mutate({ teamId, previousCycleId: previous?.id ?? null, ...toCycleInput(values) }),
  )
  return (
    <form onSubmit={submit} onKeyDown={preventEnterSubmit} noValidate>
      <Stack gap="lg">
        {previous ? (
          <Text size="sm" c="dimmed">
            Continues “{previous.title}”: the linked measures and targeted drivers are copied.
          </Text>
        ) : preset ? (
          <Text size="sm" c="dimmed">
            Tests the change idea “{preset.title}”: its goal and the idea are chosen below.
          </Text>
        ) : null}
        <CycleDetailsFields form={form} options={options} withActuals={false} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            {previous ? 'Plan the next cycle' : 'Create cycle'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
