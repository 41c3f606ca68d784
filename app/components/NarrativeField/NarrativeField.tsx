import { Box, Group, Loader, Text, Textarea } from '@mantine/core'
import type { NarrativeSectionKey } from '@pdsa/domain'
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { parseClientError, useTRPC } from '~/lib/trpc'
import { type SaveStatus, useAutosave } from './use-autosave'

export interface NarrativeFieldProps {
  cycleId: string
  section: NarrativeSectionKey
  label: string
  hint: string
  value: string
  canEdit: boolean
}

function SaveState({ status, error, id }: { status: SaveStatus; error: string | null; id: string }) {
  return (
    <Group gap={4} id={id} aria-live="polite" mih={20}>
      {status === 'saving' ? (
        <>
          <Loader size={12} aria-hidden />
          <Text size="xs" c="dimmed">
            Saving…
          </Text>
        </>
      ) : status === 'saved' ? (
        <>
          <IconCheck size={14} color="var(--mantine-color-green-9)" aria-hidden />
          <Text size="xs" c="green.9">
            Saved
          </Text>
        </>
      ) : status === 'error' ? (
        <>
          <IconAlertTriangle size={14} color="var(--mantine-color-red-9)" aria-hidden />
          <Text size="xs" c="red.9">
            Not saved{error ? `: ${error}` : ''}. Keep typing or leave the field to retry.
          </Text>
        </>
      ) : null}
    </Group>
  )
}

/**
 * One narrative section of the worksheet: an autosizing text area that saves as you type (after a
 * pause) and when you leave it. Self-contained so a collaborative editor can replace it later.
 */
export function NarrativeField({ cycleId, section, label, hint, value, canEdit }: NarrativeFieldProps) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const statusId = useId()
  const [text, setText] = useState(value)
  const mutation = useMutation(trpc.cycle.updateNarrative.mutationOptions())
  const autosave = useAutosave(async (next) => {
    try {
      await mutation.mutateAsync({ id: cycleId, section, text: next })
    } catch (e) {
      throw new Error(parseClientError(e).message)
    }
    queryClient.setQueryData(trpc.cycle.byId.queryKey({ id: cycleId }), (old) =>
      old ? { ...old, texts: { ...old.texts, [section]: next } } : old,
    )
  }, value)

  // Take a newer server value unless the person here has unsaved changes.
  const { lastSaved, adopt } = autosave
  useEffect(() => {
    if (value !== lastSaved() && text === lastSaved()) {
      adopt(value)
      setText(value)
    }
  }, [value, text, lastSaved, adopt])

  if (!canEdit) {
    return (
      <Box>
        <Text fw={600} size="sm" mb={4}>
          {label}
        </Text>
        {value.trim() ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {value}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            Nothing written yet.
          </Text>
        )}
      </Box>
    )
  }
  return (
    <Box>
      <Textarea
        label={label}
        description={hint}
        autosize
        minRows={3}
        maxRows={20}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value)
          autosave.change(e.currentTarget.value)
        }}
        onBlur={autosave.flush}
      />
      <SaveState status={autosave.status} error={autosave.error} id={statusId} />
    </Box>
  )
}
