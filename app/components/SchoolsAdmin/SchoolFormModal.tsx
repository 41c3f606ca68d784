import { Button, Modal, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { SCHOOL_LEVELS, type SchoolLevel } from '@pdsa/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'

type School = RouterOutputs['org']['schools'][number]
const LEVEL_LABELS: Record<SchoolLevel, string> = {
  elementary: 'Elementary',
  middle: 'Middle',
  high: 'High',
  other: 'Other',
}

/** Adds a school, or edits one. */
export function SchoolFormModal({ school, onClose }: { school: School | null; onClose: () => void }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: {
      code: school?.code ?? '',
      name: school?.name ?? '',
      level: (school?.level ?? 'elementary') as SchoolLevel,
      gradeSpan: school?.gradeSpan ?? '',
      enrollment: (school?.enrollment ?? '') as number | string,
    },
    validate: {
      code: (v) =>
        /^[A-Za-z0-9_-]{1,32}$/.test(v.trim()) ? null : 'Letters, digits, - and _ only (up to 32).',
      name: (v) => (v.trim() ? null : 'Enter the school’s name.'),
    },
  })
  const feedback = mutationFeedback({
    success: school ? 'School saved.' : 'School added.',
    onFieldErrors: form.setErrors,
  })
  const options = {
    onError: feedback.onError,
    onSuccess: async () => {
      feedback.onSuccess()
      await queryClient.invalidateQueries({ queryKey: trpc.org.schools.pathKey() })
      onClose()
    },
  }
  const create = useMutation(trpc.org.createSchool.mutationOptions(options))
  const update = useMutation(trpc.org.updateSchool.mutationOptions(options))

  return (
    <Modal opened onClose={onClose} title={school ? `Edit ${school.name}` : 'Add a school'}>
      <form
        onSubmit={form.onSubmit((v) => {
          const values = { ...v, enrollment: v.enrollment === '' ? null : Number(v.enrollment) }
          if (school) update.mutate({ id: school.id, ...values })
          else create.mutate(values)
        })}
      >
        <Stack gap="sm">
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={2}>
            <TextInput
              label="Code"
              description="Short and unique, e.g. the state school code."
              required
              {...form.getInputProps('code')}
            />
            <Select
              label="Level"
              allowDeselect={false}
              data={SCHOOL_LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
              {...form.getInputProps('level')}
            />
            <TextInput label="Grade span" placeholder="e.g. 6-8" {...form.getInputProps('gradeSpan')} />
            <NumberInput
              label="Enrollment"
              min={0}
              max={100000}
              allowDecimal={false}
              {...form.getInputProps('enrollment')}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {school ? 'Save' : 'Add school'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
