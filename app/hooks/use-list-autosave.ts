// Autosave for the worksheet's list parts — questions, tasks, linked measures (ADR 032). The list saves
// itself a moment after typing stops, as the notes and the spread plan do. What makes it safe:
// - the form is never reset by its own save: the save returns the ids of new rows, which are written into
//   the rows in place, and what was sent becomes the new "saved" baseline;
// - one save at a time: an edit made while a save is under way is saved right after it;
// - a save that fails keeps the edit on the page, shows why, and is retried on the next edit (or by hand);
// - each save names the list's version it was based on: when a teammate saved first the server refuses
//   (CONFLICT) and the user chooses to load their version or to save theirs over it;
// - a teammate's save reaches an unedited list (the page's data is refreshed) without a reload;
// - an edit that has not reached the server yet is reported to the page's leave guard.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useReportUnsaved } from '~/hooks/use-unsaved-changes'
import { parseClientError, useTRPC } from '~/lib/trpc'

export type AutosaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  /** Not saved because a field needs attention (shown on the field). */
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; message: string }

export interface ListAutosave {
  state: AutosaveState
  /** Tries the failed save again. */
  retry: () => void
  /** Drops this page's unsaved edits and shows the list as the server has it now. */
  loadLatest: () => void
  /** Saves this page's list over the version a teammate saved. */
  saveOver: () => void
}

export interface ListSaveResult<Row> {
  version: number
  /** The rows as saved (new rows with the ids they were given): the new baseline. */
  rows: Row[]
}

export function useListAutosave<Row>(opts: {
  /** The part's name in the leave guard ("Questions and predictions"). */
  part: string
  /** The rows to save, from the form as it is now (rows not started yet left out). */
  rows: Row[]
  /** The rows and version the server last sent (the page's cycle query). */
  server: { rows: Row[]; version: number }
  /** Validates the form (marking fields); false holds the save back. */
  validate: () => boolean
  /** Sends the form's rows as they are now, based on `expectedVersion`; throws the procedure's error. */
  save: (expectedVersion: number) => Promise<ListSaveResult<Row>>
  /** Puts the server's rows into the form (after a teammate's save, or "load their version"). */
  reset: (rows: Row[]) => void
  /** Server field errors, keyed by the index of the row in `rows`. */
  onFieldErrors?: (errors: Record<string, string>) => void
  delay?: number
}): ListAutosave {
  const { delay = 800 } = opts
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const serialized = JSON.stringify(opts.rows)
  const serverSerialized = JSON.stringify(opts.server.rows)
  const [baseline, setBaseline] = useState(serverSerialized)
  const version = useRef(opts.server.version)
  const [pending, setPending] = useState(false)
  const [problem, setProblem] = useState<{
    kind: 'failed' | 'conflict'
    message: string
    for: string
  } | null>(null)
  const [invalidFor, setInvalidFor] = useState<string | null>(null)
  const latest = useRef(opts)
  latest.current = opts
  const current = useRef(serialized)
  current.current = serialized
  const inFlight = useRef(false)

  const run = useCallback(async () => {
    if (inFlight.current) return
    const { validate, save, onFieldErrors } = latest.current
    const sent = current.current
    if (!validate()) {
      setInvalidFor(sent)
      return
    }
    setInvalidFor(null)
    inFlight.current = true
    setPending(true)
    try {
      const result = await save(version.current)
      version.current = result.version
      setBaseline(JSON.stringify(result.rows))
      setProblem(null)
    } catch (error) {
      const parsed = parseClientError(error)
      const fields = Object.fromEntries(Object.entries(parsed.fieldErrors).map(([k, v]) => [k, v[0] ?? '']))
      if (onFieldErrors && Object.keys(fields).length > 0) onFieldErrors(fields)
      const kind = parsed.code === 'CONFLICT' ? 'conflict' : 'failed'
      setProblem({ kind, message: parsed.message, for: sent })
      // Fetch the teammate's version, so "load their version" and "save mine over it" use it.
      if (kind === 'conflict') await queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() })
    } finally {
      inFlight.current = false
      setPending(false)
    }
  }, [queryClient, trpc])

  const dirty = serialized !== baseline
  // Save a moment after the last edit; not again for the very rows that just failed or were invalid.
  useEffect(() => {
    if (!dirty || pending || problem?.for === serialized || invalidFor === serialized) return
    const timer = setTimeout(run, delay)
    return () => clearTimeout(timer)
  }, [dirty, pending, problem, invalidFor, serialized, run, delay])

  // A save elsewhere (a teammate, another tab) reaches a list with nothing unsaved here.
  useEffect(() => {
    if (opts.server.version === version.current || dirty || pending || problem) return
    version.current = opts.server.version
    latest.current.reset(latest.current.server.rows)
    setBaseline(serverSerialized)
  }, [opts.server.version, serverSerialized, dirty, pending, problem])

  useReportUnsaved(opts.part, dirty || pending)

  const retry = useCallback(() => {
    setProblem(null)
    void run()
  }, [run])
  const loadLatest = useCallback(() => {
    const { server, reset } = latest.current
    version.current = server.version
    reset(server.rows)
    setBaseline(JSON.stringify(server.rows))
    setProblem(null)
  }, [])
  const saveOver = useCallback(() => {
    version.current = latest.current.server.version
    setProblem(null)
    void run()
  }, [run])

  const state: AutosaveState = pending
    ? { kind: 'saving' }
    : problem
      ? { kind: problem.kind, message: problem.message }
      : !dirty
        ? { kind: 'saved' }
        : invalidFor === serialized
          ? { kind: 'invalid' }
          : { kind: 'saving' }
  return { state, retry, loadLatest, saveOver }
}
