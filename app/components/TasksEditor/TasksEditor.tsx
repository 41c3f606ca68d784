import { ActionIcon, Button, Checkbox, Table, TextInput, VisuallyHidden } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { formatIsoDate } from '@pdsa/domain'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import type { CycleView } from '~/components/NewCycleModal'
import { AutosaveStatus } from '~/components/SaveState'
import { Text } from '~/components/Text'
import { errorsOnFormRows, errorsOnStartedRows, startedRows, withSavedIds } from '~/hooks/list-rows'
import { useListAutosave } from '~/hooks/use-list-autosave'
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
const PART = 'Tasks'
const toValues = ({ position: _p, ...t }: Task): TaskValues => ({ ...t, key: t.id })

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

/** The test's task list: what, who, when, where, done. Saves itself as a whole (ADR 032). */
export function TasksEditor({ cycle }: { cycle: CycleView }) {
  if (!cycle.canEdit) return <TasksTable tasks={cycle.tasks} />
  return <TasksForm cycle={cycle} />
}

const emptyTask = (key: string): TaskValues => ({
  id: undefined,
  key,
  what: '',
  who: '',
  dueDate: null,
  location: '',
  done: false,
})
const toInput = ({ key: _k, id, ...t }: TaskValues) => ({ ...(id ? { id } : {}), ...t })
const BLANK = JSON.stringify(toInput(emptyTask('')))
/** Every saved task, and new ones once something is written in them. */
const started = (tasks: readonly TaskValues[]) =>
  startedRows(tasks, (t) => JSON.stringify(toInput(t)) === BLANK)

function TasksForm({ cycle }: { cycle: CycleView }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { tasks: cycle.tasks.map(toValues) },
    validate: { tasks: { what: (v) => (v.trim() ? null : 'Say what needs doing.') } },
  })
  const save = useMutation(
    trpc.cycle.saveTasks.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() }),
    }),
  )
  const tasks = form.getValues().tasks
  const autosave = useListAutosave({
    part: PART,
    rows: started(tasks).map(({ row }) => toInput(row)),
    server: { rows: cycle.tasks.map((t) => toInput(toValues(t))), version: cycle.listVersions.tasks },
    validate: () => {
      const shown = errorsOnStartedRows(form.validate().errors, started(form.getValues().tasks))
      form.setErrors(shown)
      return Object.keys(shown).length === 0
    },
    save: async (expectedVersion) => {
      const sent = started(form.getValues().tasks)
      const rows = sent.map(({ row }) => toInput(row))
      const result = await save.mutateAsync({ id: cycle.id, expectedVersion, tasks: rows })
      form.setValues((prev) => ({ tasks: withSavedIds(prev.tasks ?? [], sent, result.ids) }))
      return { version: result.version, rows: rows.map((row, j) => ({ id: result.ids[j], ...row })) }
    },
    reset: () => form.setValues({ tasks: cycle.tasks.map(toValues) }),
    onFieldErrors: (errors) =>
      form.setErrors(errorsOnFormRows(errors, 'tasks', started(form.getValues().tasks))),
  })
  return (
    // The tasks save themselves: Enter in a field never submits anything.
    <form onSubmit={(e) => e.preventDefault()} noValidate>
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
              form.insertListItem('tasks', emptyTask(`new-${keys}`))
            }}
          >
            Add task
          </Button>
          <AutosaveStatus autosave={autosave} part={PART} />
        </Group>
      </Stack>
    </form>
  )
}
