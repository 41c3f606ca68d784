import { Button, Modal } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconTrash } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

/** Delete a cycle after confirming (team lead or admin); goes back to the team's page. */
export function DeleteCycleButton({
  cycleId,
  title,
  teamId,
}: {
  cycleId: string
  title: string
  teamId: string
}) {
  const [opened, { open, close }] = useDisclosure(false)
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const feedback = mutationFeedback({ success: 'Cycle deleted.' })
  const remove = useMutation(
    trpc.cycle.delete.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        close()
        navigate(`/teams/${teamId}`)
        await queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() })
      },
    }),
  )
  return (
    <>
      <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
        Delete
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={opened}
        onClose={close}
        title="Delete this cycle?"
      >
        <Stack>
          <Text size="sm">
            “{title}” will be deleted with its worksheet, version history and comments. Later cycles of its
            ramp stay. This cannot be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate({ id: cycleId })}>
              Delete cycle
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
