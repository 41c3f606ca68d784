import { Button, Modal, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

export interface DistrictGoalValues {
  id: string
  code: string
  title: string
  description: string
  startYear: number
  endYear: number
  owner: { id: string; name: string } | null
}

/** Create or edit a district goal (a strategic priority school goals align to). */
export function DistrictGoalFormModal({
  goal,
  ownerOptions,
  onClose,
}: {
  goal: DistrictGoalValues | null
  ownerOptions: { id: string; name: string }[]
  onClose: () => void
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const year = new Date().getFullYear()
  const form = useForm({
    initialValues: {
      code: goal?.code ?? '',
      title: goal?.title ?? '',
      description: goal?.description ?? '',
      startYear: (goal?.startYear ?? year) as number | string,
      endYear: (goal?.endYear ?? year + 3) as number | string,
      ownerId: goal?.owner?.id ?? null,
    },
    validate: {
      code: (v) => (v.trim() ? null : 'Give the goal a short code, e.g. “LCAP 1”.'),
      title: (v) => (v.trim() ? null : 'Name the goal.'),
      endYear: (v, all) =>
        Number(v) < Number(all.startYear) ? 'The end year is before the start year.' : null,
    },
  })
  const feedback = mutationFeedback({
    success: goal ? 'District goal saved.' : 'District goal added.',
    onFieldErrors: (errors) => form.setErrors(errors),
  })
  const options = {
    onError: feedback.onError,
    onSuccess: async () => {
      feedback.onSuccess()
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.district.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.districtGoal.pathKey() }),
      ])
      onClose()
    },
  }
  const create = useMutation(trpc.districtGoal.create.mutationOptions(options))
  const update = useMutation(trpc.districtGoal.update.mutationOptions(options))
  const submit = form.onSubmit((v) => {
    const input = {
      code: v.code,
      title: v.title,
      description: v.description,
      startYear: Number(v.startYear),
      endYear: Number(v.endYear),
      ownerId: v.ownerId,
    }
    if (goal) update.mutate({ id: goal.id, ...input })
    else create.mutate(input)
  })
  // Keep the current owner selectable even when they are no longer a leader.
  const owners = [
    ...ownerOptions,
    ...(goal?.owner && !ownerOptions.some((o) => o.id === goal.owner?.id) ? [goal.owner] : []),
  ]
  return (
    <Modal opened onClose={onClose} title={goal ? 'Edit district goal' : 'New district goal'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Code"
              placeholder="e.g. LCAP 1"
              withAsterisk
              data-autofocus
              {...form.getInputProps('code')}
            />
            <NumberInput
              label="From year"
              withAsterisk
              min={2000}
              max={2100}
              hideControls
              {...form.getInputProps('startYear')}
            />
            <NumberInput
              label="Until year"
              withAsterisk
              min={2000}
              max={2100}
              hideControls
              {...form.getInputProps('endYear')}
            />
          </SimpleGrid>
          <TextInput
            label="Goal"
            withAsterisk
            placeholder="e.g. Every student is engaged and attends school"
            {...form.getInputProps('title')}
          />
          <Textarea
            label="Description (optional)"
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('description')}
          />
          <Select
            label="Owner (optional)"
            description="The district leader accountable for this goal."
            placeholder="No owner"
            clearable
            data={owners.map((o) => ({ value: o.id, label: o.name }))}
            {...form.getInputProps('ownerId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {goal ? 'Save district goal' : 'Add district goal'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
