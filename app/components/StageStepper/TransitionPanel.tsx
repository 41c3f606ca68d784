import { Button } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { nextStage, previousStage, STAGE_LABELS } from '@pdsa/domain'
import { IconArrowBackUp, IconArrowRight, IconCircleCheck, IconLock } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Group, Stack } from '~/components/Layout'
import type { CycleView } from '~/components/NewCycleModal'
import { Text } from '~/components/Text'
import { waitForCycleDocumentSaved } from '~/hooks/use-cycle-document'
import { parseClientError, useTRPC } from '~/lib/trpc'
import { MoveBackDialog } from './MoveBackDialog'
import { TransitionDialog } from './TransitionDialog'

const HINTS: Partial<Record<CycleView['stage'], string>> = {
  plan: 'Moving to Do starts the test and locks the predictions.',
  do: 'Moving to Study records the end of the test.',
  study: 'Moving to Act means the results are compared with the predictions.',
  act: 'Completing the cycle records the decision on the change idea.',
}

type Problem = { field: string; message: string }

/**
 * Moves the cycle forward one stage after a confirmation that shows the dates it sets (editable) and
 * what it locks; the team lead can also move it back one stage, with a reason (ADR 025).
 */
export function TransitionPanel({ cycle }: { cycle: CycleView }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const [goingBack, setGoingBack] = useState(false)
  const [problems, setProblems] = useState<Problem[]>([])
  const [backError, setBackError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const next = nextStage(cycle.stage)
  const previous = previousStage(cycle.stage)
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.changeIdea.pathKey() }),
    ])
  const transition = useMutation(
    trpc.cycle.transition.mutationOptions({
      onSuccess: async (result) => {
        setProblems([])
        setConfirming(false)
        notifications.show({
          color: 'green',
          message:
            result.stage === 'complete' ? 'Cycle complete.' : `Moved to ${STAGE_LABELS[result.stage]}.`,
        })
        await refresh()
      },
      onError: (error) => {
        const parsed = parseClientError(error)
        const listed = Object.entries(parsed.fieldErrors).flatMap(([field, messages]) =>
          messages.map((message) => ({ field, message })),
        )
        setProblems(listed.length > 0 ? listed : [{ field: 'stage', message: parsed.message }])
      },
    }),
  )
  const moveBack = useMutation(
    trpc.cycle.moveBack.mutationOptions({
      onSuccess: async (result) => {
        setGoingBack(false)
        setBackError(null)
        notifications.show({ color: 'green', message: `Moved back to ${STAGE_LABELS[result.stage]}.` })
        await refresh()
      },
      onError: (error) => setBackError(parseClientError(error).message),
    }),
  )
  const backButton =
    cycle.canMoveBack && previous ? (
      <Button
        variant="subtle"
        color="orange"
        c="orange.9"
        leftSection={<IconArrowBackUp size={16} aria-hidden />}
        onClick={() => {
          setBackError(null)
          setGoingBack(true)
        }}
      >
        Move back to {STAGE_LABELS[previous]}
      </Button>
    ) : null
  const backDialog =
    cycle.canMoveBack && previous && goingBack ? (
      <MoveBackDialog
        stage={cycle.stage}
        opened
        onClose={() => setGoingBack(false)}
        onConfirm={(reason) => moveBack.mutate({ id: cycle.id, from: cycle.stage, reason })}
        pending={moveBack.isPending}
        error={backError}
      />
    ) : null
  if (!next) {
    return (
      <Group gap="sm" justify="space-between">
        <Group gap="xs">
          <IconCircleCheck size={18} color="var(--mantine-color-green-9)" aria-hidden />
          <Text size="sm">This cycle is complete. Plan the next cycle to keep testing.</Text>
        </Group>
        {backButton}
        {backDialog}
      </Group>
    )
  }
  if (!cycle.canEdit) return null
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <Button
          rightSection={<IconArrowRight size={16} aria-hidden />}
          onClick={() => {
            setProblems([])
            setConfirming(true)
          }}
        >
          {next === 'complete' ? 'Complete the cycle' : `Move to ${STAGE_LABELS[next]}`}
        </Button>
        <Text size="xs" c="dimmed" maw={360}>
          {cycle.stage === 'plan' ? (
            <IconLock size={12} aria-hidden style={{ verticalAlign: -1, marginRight: 4 }} />
          ) : null}
          {HINTS[cycle.stage]}
        </Text>
        {backButton}
      </Group>
      {confirming ? (
        <TransitionDialog
          cycle={cycle}
          to={next}
          opened
          onClose={() => setConfirming(false)}
          pending={transition.isPending || saving}
          problems={problems}
          onConfirm={async (dates) => {
            // The server checks (and snapshots) the stored worksheet: send what was just typed first.
            setSaving(true)
            const saved = await waitForCycleDocumentSaved(cycle.id)
            setSaving(false)
            if (saved) transition.mutate({ id: cycle.id, to: next, ...dates })
            else
              setProblems([
                {
                  field: 'stage',
                  message:
                    'Some worksheet edits are not saved yet. Wait for “All changes saved”, then try again.',
                },
              ])
          }}
        />
      ) : null}
      {backDialog}
    </Stack>
  )
}
