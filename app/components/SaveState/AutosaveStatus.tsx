import { Alert, Button } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'
import type { ListAutosave } from '~/hooks/use-list-autosave'
import { SaveState } from './SaveState'

/**
 * The save state of a worksheet list that saves itself: "Saving… / All changes saved" as the notes say
 * it, and, when a save did not go through, why — with the edit still on the page and a way forward.
 */
export function AutosaveStatus({ autosave, part }: { autosave: ListAutosave; part: string }) {
  const { state } = autosave
  if (state.kind === 'saved' || state.kind === 'saving') {
    return <SaveState state={state.kind} label={part} />
  }
  if (state.kind === 'invalid') {
    return (
      <Text size="xs" c="orange.9" role="status" aria-live="polite" aria-label={part}>
        Not saved yet: complete the marked fields.
      </Text>
    )
  }
  return (
    <Alert
      color={state.kind === 'conflict' ? 'orange' : 'red'}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={`${part}: not saved`}
      role="alert"
      w="100%"
    >
      <Text size="sm">{state.message}</Text>
      <Group gap="sm" mt="xs">
        {state.kind === 'conflict' ? (
          <>
            <Button size="xs" variant="default" onClick={autosave.loadLatest}>
              Load their version
            </Button>
            <Button size="xs" onClick={autosave.saveOver}>
              Save mine over it
            </Button>
          </>
        ) : (
          <Button size="xs" variant="default" onClick={autosave.retry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  )
}
