// Writes the plain text of a cycle document's sections into the cycle's `*Text` columns, debounced
// (search, exports, the API and the coach views read the columns, not the Yjs document).
import { createHash } from 'node:crypto'
import type { NarrativeSectionKey, NarrativeTexts } from '@pdsa/domain'
import { documentTexts } from '@pdsa/domain/collab'
import type { Db } from '../db/client.ts'
import { mirrorCycleTexts } from '../services/collab/mirror-cycle-texts.ts'
import type { RoomView } from './hooks.ts'

/**
 * A digest of each section's text as last written: enough to tell which sections changed without
 * keeping a second copy of every loaded document's text in memory.
 */
type SectionDigests = Record<NarrativeSectionKey, string>

const digestOf = (text: string) => createHash('sha1').update(text).digest('base64')

function digestsOf(texts: NarrativeTexts): SectionDigests {
  return Object.fromEntries(Object.entries(texts).map(([k, text]) => [k, digestOf(text)])) as SectionDigests
}

interface MirrorState {
  last: SectionDigests
  dirty: boolean
  editedAt: Date | null
  /** Who made the latest change since the last write (mentions by them do not notify them). */
  editorId: string | null
  firstChangeAt: number
  timer: NodeJS.Timeout | null
  running: Promise<void> | null
}

export interface TextMirrorOptions {
  db: Db
  now: () => Date
  /** Quiet time after the last change before writing, and the longest a change waits. */
  delayMs: number
  maxDelayMs: number
  log: (message: string, error?: unknown) => void
  /** New notifications from @mentions the written text added (live updates). */
  onNotified?: (recipientIds: string[]) => void
}

export class TextMirror {
  private readonly states = new Map<RoomView, MirrorState>()
  /** Writes done so far (tests and the benchmark read it). */
  writes = 0
  /** Documents found ahead of their columns when loaded (a crash within the delay). */
  catchUps = 0

  constructor(private readonly o: TextMirrorOptions) {}

  /**
   * Starts from what the columns hold (`baseline`), not from the loaded document: an edit stored
   * and acknowledged just before a crash (within the delay) never reached the columns, so a
   * document that differs from them is written now. `lastStoredAt` (the newest stored update) is
   * the edit time of that catch-up; unknown leaves `lastEditedAt` alone. No baseline: trust the
   * document (nothing to compare with).
   */
  track(room: RoomView, baseline?: { texts: NarrativeTexts; lastStoredAt: Date | null } | null): void {
    const state: MirrorState = {
      last: digestsOf(baseline?.texts ?? documentTexts(room.doc)),
      dirty: false,
      editedAt: null,
      editorId: null,
      firstChangeAt: 0,
      timer: null,
      running: null,
    }
    this.states.set(room, state)
    if (!baseline) return
    const current = digestsOf(documentTexts(room.doc))
    const behind = (Object.keys(current) as NarrativeSectionKey[]).some((k) => current[k] !== state.last[k])
    if (!behind) return
    this.catchUps++
    this.changed(room, baseline.lastStoredAt)
  }

  changed(room: RoomView, editedAt: Date | null = this.o.now(), editorId: string | null = null): void {
    const state = this.states.get(room)
    if (!state) return
    if (editorId) state.editorId = editorId
    const now = Date.now()
    if (!state.dirty) state.firstChangeAt = now
    state.dirty = true
    state.editedAt = editedAt
    if (state.timer) clearTimeout(state.timer)
    const wait = Math.max(0, Math.min(this.o.delayMs, state.firstChangeAt + this.o.maxDelayMs - now))
    state.timer = setTimeout(() => {
      state.timer = null
      void this.flush(room)
    }, wait)
    state.timer.unref()
  }

  async flush(room: RoomView): Promise<void> {
    const state = this.states.get(room)
    if (!state) return
    if (state.timer) clearTimeout(state.timer)
    state.timer = null
    await state.running
    if (!state.dirty) return
    state.dirty = false
    const texts = documentTexts(room.doc)
    const digests = digestsOf(texts)
    const changed = (Object.keys(texts) as NarrativeSectionKey[]).filter((k) => digests[k] !== state.last[k])
    state.running = mirrorCycleTexts({
      db: this.o.db,
      cycleId: room.name,
      texts: Object.fromEntries(changed.map((k) => [k, texts[k]])),
      editedAt: state.editedAt,
      editorId: state.editorId,
      now: this.o.now(),
      ...(this.o.onNotified ? { onNotified: this.o.onNotified } : {}),
    })
      .then(() => {
        this.writes++
        state.last = digests
      })
      .catch((error: unknown) => {
        state.dirty = true
        this.o.log(`Collaboration: writing the plain text of cycle ${room.name} failed`, error)
      })
      .finally(() => {
        state.running = null
      })
    await state.running
  }

  async release(room: RoomView): Promise<void> {
    await this.flush(room)
    this.states.delete(room)
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.states.keys()].map((room) => this.flush(room)))
  }
}
