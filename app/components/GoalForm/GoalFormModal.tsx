import { Alert, Button, Center, Loader, Modal } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { preventEnterSubmit } from '~/lib/prevent-enter-submit'
import { parseClientError, useTRPC } from '~/lib/trpc'
import { baselineSourceOf, useDataBaseline } from './BaselineFromData'
import { GoalForm } from './GoalForm'
import {
  type GoalDetail,
  type GoalFormOptions,
  initialGoalValues,
  toGoalInput,
  validateGoalValues,
} from './goal-form-values'

interface Props {
  opened: boolean
  onClose: () => void
  schoolId: string
  /** The team that owns a new goal (null: a school-level goal). Ignored when editing. */
  teamId: string | null
  /** The goal to edit; a new goal when absent. */
  goal?: GoalDetail
}

/** Create or edit a goal in a modal; a new goal opens its page so the team can map its drivers. */
export function GoalFormModal({ opened, onClose, schoolId, teamId, goal }: Props) {
  const trpc = useTRPC()
  const options = useQuery({ ...trpc.goal.formOptions.queryOptions({ schoolId }), enabled: opened })
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={goal ? 'Edit goal' : teamId ? 'New equity goal' : 'New school-level goal'}
      size="lg"
    >
      {options.data ? (
        <GoalFormBody
          options={options.data}
          onClose={onClose}
          schoolId={schoolId}
          teamId={teamId}
          goal={goal}
        />
      ) : options.error ? (
        <Alert color="red" title="Could not load the form">
          {parseClientError(options.error).message}
        </Alert>
      ) : (
        <Center py="xl">
          <Loader role="status" aria-label="Loading the form" />
        </Center>
      )}
    </Modal>
  )
}

function GoalFormBody({
  options,
  onClose,
  schoolId,
  teamId,
  goal,
}: Omit<Props, 'opened'> & { options: GoalFormOptions }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const form = useForm({ initialValues: initialGoalValues(goal), validate: validateGoalValues })
  const onFieldErrors = (errors: Record<string, string>) => form.setErrors(errors)
  const created = mutationFeedback({ success: 'Goal created. Next, add its primary drivers.', onFieldErrors })
  const saved = mutationFeedback({ success: 'Goal saved.', onFieldErrors })
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.district.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.coach.pathKey() }),
    ])
  const create = useMutation(
    trpc.goal.create.mutationOptions({
      onError: created.onError,
      onSuccess: async (goal) => {
        created.onSuccess()
        await invalidate()
        onClose()
        navigate(`/goals/${goal.id}`)
      },
    }),
  )
  const update = useMutation(
    trpc.goal.update.mutationOptions({
      onError: saved.onError,
      onSuccess: async () => {
        saved.onSuccess()
        await invalidate()
        onClose()
      },
    }),
  )
  const dataBaseline = useDataBaseline(schoolId, form.getValues())
  const submit = form.onSubmit((values) => {
    // The server checks a "data" baseline against the data and records where the baseline came from.
    const input = { ...toGoalInput(values), baselineSource: baselineSourceOf(values, dataBaseline.data) }
    if (goal) update.mutate({ id: goal.id, ...input })
    else create.mutate({ schoolId, teamId, ...input })
  })
  return (
    <form onSubmit={submit} onKeyDown={preventEnterSubmit} noValidate>
      <Stack gap="lg">
        <GoalForm
          form={form}
          options={options}
          showStatus={Boolean(goal) && goal?.status !== 'archived'}
          dataBaseline={dataBaseline}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {goal ? 'Save goal' : 'Create goal'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
