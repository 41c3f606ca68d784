// One save model for the worksheet (ADRs 025, 032): every part saves itself and shows "Saving… / All
// changes saved"; a part with an edit that has not reached the server yet (waiting, saving, or refused)
// reports it here, and leaving the page (a link, back/forward, closing or reloading the tab) asks first.
import { Button, List, Modal } from '@mantine/core'
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { useBlocker } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

interface UnsavedChanges {
  report: (part: string, dirty: boolean) => void
}

const UnsavedChangesContext = createContext<UnsavedChanges | null>(null)

/** Wraps a page whose parts report unsaved edits; asks before the page is left while any has some. */
export function UnsavedChangesGuard({ children }: { children: React.ReactNode }) {
  const [dirty, setDirty] = useState<Record<string, boolean>>({})
  const report = useCallback((part: string, isDirty: boolean) => {
    setDirty((current) => (Boolean(current[part]) === isDirty ? current : { ...current, [part]: isDirty }))
  }, [])
  const parts = Object.keys(dirty).filter((k) => dirty[k])
  const hasUnsaved = parts.length > 0
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => hasUnsaved && currentLocation.pathname !== nextLocation.pathname,
  )
  useEffect(() => {
    if (!hasUnsaved) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      // Older browsers need returnValue set to show their own "Leave site?" prompt.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [hasUnsaved])
  const value = useMemo(() => ({ report }), [report])
  return (
    <UnsavedChangesContext.Provider value={value}>
      {children}
      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title="Leave without saving?"
        size="md"
      >
        <Stack gap="md">
          <Text size="sm">These parts of the worksheet have changes that are not saved yet:</Text>
          <List size="sm">
            {parts.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
          <Text size="sm">If you leave now, those changes are lost.</Text>
          <Group justify="flex-end">
            <Button variant="default" color="red" c="red.9" onClick={() => blocker.proceed?.()}>
              Leave without saving
            </Button>
            <Button onClick={() => blocker.reset?.()} data-autofocus>
              Stay and save
            </Button>
          </Group>
        </Stack>
      </Modal>
    </UnsavedChangesContext.Provider>
  )
}

/** Tells the page's guard whether this part has unsaved edits (cleared when the part unmounts). */
export function useReportUnsaved(part: string, isDirty: boolean) {
  const context = useContext(UnsavedChangesContext)
  useEffect(() => {
    context?.report(part, isDirty)
  }, [context, part, isDirty])
  useEffect(() => () => context?.report(part, false), [context, part])
}
