import { Button, Modal, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { STUDENT_GROUP_CATEGORIES, type StudentGroupCategory } from '@pdsa/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'

type StudentGroup = RouterOutputs['org']['studentGroups'][number]
export const CATEGORY_LABELS: Record<StudentGroupCategory, string> = {
  all: 'All students',
  race_ethnicity: 'Race / ethnicity',
  program: 'Program',
  gender: 'Gender',
  intersection: 'Intersection',
  other: 'Other',
}

/** Adds a student group, or renames and reorders one. Code and category are fixed once created. */
export function StudentGroupFormModal({
  group,
  onClose,
}: {
  group: StudentGroup | null
  onClose: () => void
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: {
      code: group?.code ?? '',
      name: group?.name ?? '',
      category: (group?.category ?? 'program') as StudentGroupCategory,
      sortOrder: group?.sortOrder ?? 100,
    },
    validate: {
      code: (v) =>
        /^[A-Za-z0-9_-]{1,32}$/.test(v.trim()) ? null : 'Letters, digits, - and _ only (up to 32).',
      name: (v) => (v.trim() ? null : 'Enter the group’s name.'),
    },
  })
  const feedback = mutationFeedback({
    success: group ? 'Group saved.' : 'Group added.',
    onFieldErrors: form.setErrors,
  })
  const options = {
    onError: feedback.onError,
    onSuccess: async () => {
      feedback.onSuccess()
      await queryClient.invalidateQueries({ queryKey: trpc.org.studentGroups.pathKey() })
      onClose()
    },
  }
  const create = useMutation(trpc.org.createStudentGroup.mutationOptions(options))
  const update = useMutation(trpc.org.updateStudentGroup.mutationOptions(options))
  return (
    <Modal opened onClose={onClose} title={group ? `Edit ${group.name}` : 'Add a student group'}>
      <form
        onSubmit={form.onSubmit((v) =>
          group
            ? update.mutate({ id: group.id, name: v.name, sortOrder: Number(v.sortOrder) })
            : create.mutate({ ...v, sortOrder: Number(v.sortOrder) }),
        )}
      >
        <Stack gap="sm">
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={2}>
            <TextInput
              label="Code"
              description="As in your state reports, e.g. EL, SWD, FY."
              required
              disabled={group !== null}
              {...form.getInputProps('code')}
            />
            <Select
              label="Category"
              description="Groups of one category add up to all students."
              allowDeselect={false}
              disabled={group !== null}
              data={STUDENT_GROUP_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
              {...form.getInputProps('category')}
            />
          </SimpleGrid>
          <NumberInput
            label="Position in lists"
            description="Lower numbers come first."
            min={0}
            max={10000}
            allowDecimal={false}
            {...form.getInputProps('sortOrder')}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {group ? 'Save' : 'Add group'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
