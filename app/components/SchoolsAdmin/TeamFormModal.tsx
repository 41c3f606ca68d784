import { Button, Modal, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

export interface TeamFormTarget {
  schoolId: string
  schoolName: string
  team: { id: string; name: string; description: string } | null
}

/** Adds a team to a school, or renames one and edits its description. */
export function TeamFormModal({ target, onClose }: { target: TeamFormTarget; onClose: () => void }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { name: target.team?.name ?? '', description: target.team?.description ?? '' },
    validate: { name: (v) => (v.trim() ? null : 'Enter the team’s name.') },
  })
  const feedback = mutationFeedback({
    success: target.team ? 'Team saved.' : 'Team added.',
    onFieldErrors: form.setErrors,
  })
  const options = {
    onError: feedback.onError,
    onSuccess: async () => {
      feedback.onSuccess()
      await queryClient.invalidateQueries({ queryKey: trpc.org.schools.pathKey() })
      await queryClient.invalidateQueries({ queryKey: trpc.org.navigation.pathKey() })
      onClose()
    },
  }
  const create = useMutation(trpc.org.createTeam.mutationOptions(options))
  const update = useMutation(trpc.org.updateTeam.mutationOptions(options))
  return (
    <Modal
      opened
      onClose={onClose}
      title={target.team ? `Edit ${target.team.name}` : `Add a team at ${target.schoolName}`}
    >
      <form
        onSubmit={form.onSubmit((v) =>
          target.team
            ? update.mutate({ id: target.team.id, ...v })
            : create.mutate({ schoolId: target.schoolId, ...v }),
        )}
      >
        <Stack gap="sm">
          <TextInput label="Team name" required data-autofocus {...form.getInputProps('name')} />
          <Textarea
            label="Description"
            description="Optional: what the team works on, who is on it."
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {target.team ? 'Save' : 'Add team'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
