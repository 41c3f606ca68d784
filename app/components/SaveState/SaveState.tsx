import { Loader } from '@mantine/core'
import { IconAlertCircle, IconCheck } from '@tabler/icons-react'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'

/**
 * The save state of one worksheet part, in the words the notes use: "Saving…", "All changes saved",
 * or "Unsaved changes" when a save did not go through. `label` names the part (the status's accessible
 * name), so each part's state can be found on a page with several.
 */
export function SaveState({
  state,
  label,
}: {
  state: 'saving' | 'saved' | 'unsaved' | 'idle'
  label?: string
}) {
  if (state === 'idle') return null
  return (
    <Group gap={4} wrap="nowrap" role="status" aria-live="polite" aria-label={label}>
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
