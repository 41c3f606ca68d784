import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { formatIsoDate } from '@pdsa/domain'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CycleView } from '~/components/NewCycleModal'
import { SaveState } from '~/components/SaveState'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useReportUnsaved } from '~/hooks/use-unsaved-changes'
import { useTRPC } from '~/lib/trpc'

type Task = CycleView['tasks'][number]
interface TaskValues {
  id: string | undefined
  key: string
  what: string
  who: string
  dueDate: string | null
  location: string
  done: boolean
}
let keys = 0
const toValues = (t: Task): TaskValues => ({ ...t, key: t.id })

function TasksTable({ tasks }: { tasks: Task[] }) {
  if (tasks.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        No tasks listed.
      </Text>
    )
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>What</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Where</Table.Th>
            <Table.Th>Done</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.what}</Table.Td>
              <Table.Td>{t.who || '—'}</Table.Td>
              <Table.Td>{t.dueDate ? formatIsoDate(t.dueDate, 'short') : '—'}</Table.Td>
              <Table.Td>{t.location || '—'}</Table.Td>
              <Table.Td>{t.done ? 'Yes' : 'No'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The test's task list: what, who, when, where, done. Saved as a whole. */
export function TasksEditor({ cycle }: { cycle: CycleView }) {
  if (!cycle.canEdit) return <TasksTable tasks={cycle.tasks} />
  return <TasksForm key={JSON.stringify(cycle.tasks)} cycle={cycle} />
}

function TasksForm({ cycle }: { cycle: CycleView }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { tasks: cycle.tasks.map(toValues) },
    validate: { tasks: { what: (v) => (v.trim() ? null : 'Say what needs doing.') } },
  })
  const feedback = mutationFeedback({ success: 'Tasks saved.', onFieldErrors: (e) => form.setErrors(e) })
  const save = useMutation(
    trpc.cycle.saveTasks.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() })
      },
    }),
  )
  const tasks = form.getValues().tasks
  useReportUnsaved('Tasks', form.isDirty())
  const submit = form.onSubmit((v) =>
    save.mutate({
      id: cycle.id,
      tasks: v.tasks.map(({ key: _k, id, ...t }) => ({ ...(id ? { id } : {}), ...t })),
    }),
  )
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {tasks.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="38%">What</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th w={140}>Due</Table.Th>
                  <Table.Th>Where</Table.Th>
                  <Table.Th w={56}>Done</Table.Th>
                  <Table.Th w={44}>
                    <VisuallyHidden>Remove</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tasks.map((t, i) => (
                  <Table.Tr key={t.key}>
                    <Table.Td>
                      <TextInput
                        aria-label={`Task ${i + 1}: what`}
                        {...form.getInputProps(`tasks.${i}.what`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Task ${i + 1}: who`}
                        {...form.getInputProps(`tasks.${i}.who`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <DateInput
                        aria-label={`Task ${i + 1}: due date`}
                        valueFormat="MMM D, YYYY"
                        clearable
                        clearButtonProps={{ 'aria-label': `Clear the due date of task ${i + 1}` }}
                        {...form.getInputProps(`tasks.${i}.dueDate`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Task ${i + 1}: where`}
                        {...form.getInputProps(`tasks.${i}.location`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Task ${i + 1}: done`}
                        {...form.getInputProps(`tasks.${i}.done`, { type: 'checkbox' })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        c="red.9"
                        aria-label={`Remove task ${i + 1}`}
                        onClick={() => form.removeListItem('tasks', i)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm" c="dimmed">
            List what has to happen for the test to run: who does what, by when, and where.
          </Text>
        )}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={tasks.length >= 50}
            onClick={() => {
              keys += 1
              form.insertListItem('tasks', {
                id: undefined,
                key: `new-${keys}`,
                what: '',
                who: '',
                dueDate: null,
                location: '',
                done: false,
              })
            }}
          >
            Add task
          </Button>
          <Group gap="sm">
            <SaveState state={save.isPending ? 'saving' : form.isDirty() ? 'unsaved' : 'idle'} />
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              Save tasks
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}
