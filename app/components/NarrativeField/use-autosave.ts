import { useCallback, useEffect, useRef, useState } from 'react'

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error'

/**
 * Saves `value` after `delayMs` without changes, or at once on `flush()` (blur). One save runs at a
 * time; a change made while saving is saved right after. `save` rejects when the server refuses.
 */
export function useAutosave(save: (value: string) => Promise<void>, initial: string, delayMs = 1000) {
  const [status, setStatus] = useState<SaveStatus>('idle')
  const [error, setError] = useState<string | null>(null)
  const saved = useRef(initial)
  const pending = useRef<string | null>(null)
  const running = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const saveRef = useRef(save)
  saveRef.current = save

  const run = useCallback(async () => {
    if (running.current) return
    while (pending.current !== null && pending.current !== saved.current) {
      const value = pending.current
      running.current = true
      setStatus('saving')
      try {
        await saveRef.current(value)
        saved.current = value
        setError(null)
        setStatus(pending.current === value ? 'saved' : 'saving')
      } catch (e) {
        setError(e instanceof Error ? e.message : 'Could not save.')
        setStatus('error')
        running.current = false
        return
      }
      running.current = false
    }
    pending.current = null
  }, [])

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    void run()
  }, [run])

  const change = useCallback(
    (value: string) => {
      pending.current = value
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(flush, delayMs)
    },
    [delayMs, flush],
  )

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )

  /** The last value the server has (to tell whether the field has unsaved changes). */
  const lastSaved = useCallback(() => saved.current, [])
  /** Take a value that arrived from the server as the saved one. */
  const adopt = useCallback((value: string) => {
    saved.current = value
  }, [])
  return { status, error, change, flush, lastSaved, adopt }
}
