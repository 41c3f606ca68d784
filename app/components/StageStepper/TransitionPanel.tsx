import { Alert, Button, Group, List, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { type CycleStage, nextStage, STAGE_LABELS } from '@pdsa/domain'
import { IconArrowRight, IconCircleCheck, IconLock } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { waitForCycleDocumentSaved } from '~/hooks/use-cycle-document'
import { parseClientError, useTRPC } from '~/lib/trpc'

const HINTS: Partial<Record<CycleStage, string>> = {
  plan: 'Moving to Do starts the test and locks the predictions.',
  do: 'Moving to Study records the end of the test.',
  study: 'Moving to Act means the results are compared with the predictions.',
  act: 'Completing the cycle records the decision on the change idea.',
}

/** The button that moves the cycle forward one stage; when the server refuses, every problem is listed. */
export function TransitionPanel({
  cycleId,
  stage,
  canEdit,
}: {
  cycleId: string
  stage: CycleStage
  canEdit: boolean
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [problems, setProblems] = useState<string[]>([])
  const [saving, setSaving] = useState(false)
  const next = nextStage(stage)
  const transition = useMutation(
    trpc.cycle.transition.mutationOptions({
      onSuccess: async (result) => {
        setProblems([])
        notifications.show({
          color: 'green',
          message:
            result.stage === 'complete' ? 'Cycle complete.' : `Moved to ${STAGE_LABELS[result.stage]}.`,
        })
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.changeIdea.pathKey() }),
        ])
      },
      onError: (error) => {
        const parsed = parseClientError(error)
        const listed = Object.values(parsed.fieldErrors).flat()
        setProblems(listed.length > 0 ? listed : [parsed.message])
      },
    }),
  )
  if (!next) {
    return (
      <Group gap="xs">
        <IconCircleCheck size={18} color="var(--mantine-color-green-9)" aria-hidden />
        <Text size="sm">This cycle is complete. Plan the next cycle to keep testing.</Text>
      </Group>
    )
  }
  if (!canEdit) return null
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <Button
          rightSection={<IconArrowRight size={16} aria-hidden />}
          loading={transition.isPending || saving}
          onClick={async () => {
            // The server checks (and snapshots) the stored worksheet: send what was just typed first.
            setSaving(true)
            const saved = await waitForCycleDocumentSaved(cycleId)
            setSaving(false)
            if (saved) transition.mutate({ id: cycleId, to: next })
            else
              setProblems([
                'Some worksheet edits are not saved yet. Wait for “All changes saved”, then try again.',
              ])
          }}
        >
          {next === 'complete' ? 'Complete the cycle' : `Move to ${STAGE_LABELS[next]}`}
        </Button>
        <Text size="xs" c="dimmed" maw={360}>
          {stage === 'plan' ? (
            <IconLock size={12} aria-hidden style={{ verticalAlign: -1, marginRight: 4 }} />
          ) : null}
          {HINTS[stage]}
        </Text>
      </Group>
      {problems.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          title={
            <Text component="span" fw={700} size="sm" c="dark.9">
              Before moving to {STAGE_LABELS[next]}:
            </Text>
          }
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setProblems([])}
        >
          <List size="sm" spacing={4}>
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  )
}
