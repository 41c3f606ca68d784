import { Group, Loader, Text } from '@mantine/core'
import { IconAlertCircle, IconCheck } from '@tabler/icons-react'

/**
 * The save state of one worksheet part, in the words the notes use: "Saving…", "All changes saved",
 * or, for a part with a Save button, "Unsaved changes".
 */
export function SaveState({ state }: { state: 'saving' | 'saved' | 'unsaved' | 'idle' }) {
  if (state === 'idle') return null
  return (
    <Group gap={4} wrap="nowrap" role="status" aria-live="polite">
      {state === 'saving' ? <Loader size={12} aria-hidden /> : null}
      {state === 'saved' ? <IconCheck size={14} color="var(--mantine-color-green-9)" aria-hidden /> : null}
      {state === 'unsaved' ? (
        <IconAlertCircle size={14} color="var(--mantine-color-orange-9)" aria-hidden />
      ) : null}
      <Text size="xs" c={state === 'unsaved' ? 'orange.9' : 'dimmed'}>
        {state === 'saving' ? 'Saving…' : state === 'saved' ? 'All changes saved' : 'Unsaved changes'}
      </Text>
    </Group>
  )
}
