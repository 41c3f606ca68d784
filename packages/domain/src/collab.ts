// Pure Yjs helpers for a cycle's collaborative document: one XmlFragment per narrative section
// (the Tiptap/y-prosemirror layout), its plain text, the initial document built from existing texts,
// and which sections an incoming update would change. Import as `@pdsa/domain/collab` (kept out of the
// package index so pages that never edit a worksheet do not bundle Yjs).
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { canCoachTeam, canEditTeam, canLeadDistrict } from './access.ts'
import {
  type CycleStage,
  NARRATIVE_SECTION_KEYS,
  NARRATIVE_SECTIONS,
  type NarrativeSectionKey,
  type NarrativeTexts,
} from './cycle.ts'
import type { Actor, TeamScope } from './roles.ts'

export type DocumentAccess = 'edit' | 'read'

/**
 * Who may open a cycle's document: the team's leads and members edit; its coaches and the district's
 * leaders (and admins) read (their document updates are dropped, their cursors are shown); nobody else.
 */
export function cycleDocumentAccess(actor: Actor, scope: TeamScope): DocumentAccess | null {
  if (canEditTeam(actor, scope)) return 'edit'
  if (canCoachTeam(actor, scope) || canLeadDistrict(actor)) return 'read'
  return null
}

/** The Plan sections: read-only for everyone once the test starts (predictions are locked). */
export const PLAN_SECTION_KEYS: readonly NarrativeSectionKey[] = NARRATIVE_SECTIONS.filter(
  (s) => s.stage === 'plan',
).map((s) => s.key)

/** Sections nobody may change in a cycle at `stage` (the Plan ones once the test started; all when complete). */
export function lockedSectionKeys(stage: CycleStage): readonly NarrativeSectionKey[] {
  if (stage === 'complete') return NARRATIVE_SECTION_KEYS
  return stage === 'plan' ? [] : PLAN_SECTION_KEYS
}

export function isNarrativeSectionKey(value: string): value is NarrativeSectionKey {
  return (NARRATIVE_SECTION_KEYS as readonly string[]).includes(value)
}

/**
 * The client id of the structs of the initial document built from plain text. Fixed, so that two
 * servers seeding the same texts at once produce byte-identical updates (merging them changes nothing).
 */
export const SEED_CLIENT_ID = 1

// ───────────────────────────── Plain text ─────────────────────────────

const INLINE_BREAKS = new Set(['hardBreak'])

function inlineText(element: Y.XmlElement | Y.XmlFragment): string {
  let out = ''
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown }[]) {
        if (typeof op.insert === 'string') out += op.insert
      }
    } else if (child instanceof Y.XmlElement) {
      out += INLINE_BREAKS.has(child.nodeName) ? '\n' : inlineText(child)
    }
  }
  return out
}

function hasOnlyInlineChildren(element: Y.XmlElement): boolean {
  return element
    .toArray()
    .every((c) => c instanceof Y.XmlText || (c instanceof Y.XmlElement && INLINE_BREAKS.has(c.nodeName)))
}

function blockLines(node: Y.XmlElement | Y.XmlText): string[] {
  if (node instanceof Y.XmlText) return inlineText(wrapText(node)).split('\n')
  switch (node.nodeName) {
    case 'horizontalRule':
      return ['---']
    case 'bulletList':
    case 'orderedList': {
      const start = Number(node.getAttribute('start') ?? 1) || 1
      return node.toArray().flatMap((item, i) => {
        if (!(item instanceof Y.XmlElement)) return []
        const marker = node.nodeName === 'bulletList' ? '- ' : `${start + i}. `
        const lines = childBlocks(item)
        return lines.map((line, j) => (j === 0 ? marker : ' '.repeat(marker.length)) + line)
      })
    }
    case 'blockquote':
      return childBlocks(node).map((line) => `> ${line}`)
    default:
      return hasOnlyInlineChildren(node) ? inlineText(node).split('\n') : childBlocks(node)
  }
}

// A bare XmlText at block level (not produced by Tiptap, but possible from other clients).
function wrapText(text: Y.XmlText): Y.XmlFragment {
  return { toArray: () => [text] } as unknown as Y.XmlFragment
}

function childBlocks(parent: Y.XmlElement | Y.XmlFragment): string[] {
  return parent
    .toArray()
    .flatMap((child) =>
      child instanceof Y.XmlElement || child instanceof Y.XmlText ? blockLines(child) : [],
    )
}

/** The plain text of a section: one line per paragraph, list items with "- " or "1. ", quotes with "> ". */
export function fragmentPlainText(fragment: Y.XmlFragment): string {
  return childBlocks(fragment).join('\n').replace(/\s+$/u, '')
}

/** The plain text of every narrative section of a cycle's document. */
export function documentTexts(doc: Y.Doc): NarrativeTexts {
  return Object.fromEntries(
    NARRATIVE_SECTION_KEYS.map((key) => [key, fragmentPlainText(doc.getXmlFragment(key))]),
  ) as NarrativeTexts
}

// ───────────────────────────── Initial document ─────────────────────────────

/** Paragraph elements for a plain text: one per line (an empty line is an empty paragraph). */
function paragraphsOf(text: string): Y.XmlElement[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const p = new Y.XmlElement('paragraph')
      if (line.length > 0) p.insert(0, [new Y.XmlText(line)])
      return p
    })
}

/** Fills empty sections of `doc` with paragraphs of the given texts (one paragraph per line). */
export function writePlainTexts(doc: Y.Doc, texts: Partial<NarrativeTexts>): void {
  doc.transact(() => {
    for (const key of NARRATIVE_SECTION_KEYS) {
      const text = texts[key]
      const fragment = doc.getXmlFragment(key)
      if (!text || fragment.length > 0) continue
      fragment.insert(0, paragraphsOf(text))
    }
  })
}

/**
 * Replaces everything in one section with the paragraphs of a plain text (the API's way to write a
 * section; the editors receive it as one change). An empty text leaves the section empty.
 */
export function replaceSectionText(doc: Y.Doc, key: NarrativeSectionKey, text: string): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(key)
    if (fragment.length > 0) fragment.delete(0, fragment.length)
    if (text.length > 0) fragment.insert(0, paragraphsOf(text))
  })
}

/**
 * The document a cycle starts from when it already has narrative text but no collaborative document
 * yet (e.g. the demo seed): one update, deterministic for the same texts, or null when all are empty.
 */
export function buildInitialDocumentUpdate(texts: Partial<NarrativeTexts>): Uint8Array | null {
  if (!NARRATIVE_SECTION_KEYS.some((k) => (texts[k] ?? '').length > 0)) return null
  const doc = new Y.Doc({ gc: true })
  doc.clientID = SEED_CLIENT_ID
  writePlainTexts(doc, texts)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

// ───────────────────────────── Which sections an update changes ─────────────────────────────

type DecodedStruct = ReturnType<typeof Y.decodeUpdate>['structs'][number]

/** The root type an integrated struct lives in, or null for garbage-collected content. */
function rootKeyOfIntegrated(struct: Y.Item | Y.GC): string | null {
  if (!(struct instanceof Y.Item)) return null
  let type = struct.parent as Y.AbstractType<unknown> | null
  while (type?._item) type = type._item.parent as Y.AbstractType<unknown> | null
  if (!type) return null
  try {
    return Y.findRootTypeKey(type)
  } catch {
    return null
  }
}

interface DeleteRange {
  clock: number
  len: number
}

interface Classified {
  structs: DecodedStruct[]
  /** Root of each new Item of the update ('gc': attached to deleted content; null: unknown yet). */
  rootOf: Map<DecodedStruct, string | 'gc' | null>
  /** Delete-set ranges, split per item of the document, with the root each part deletes from. */
  deletes: Map<number, { range: DeleteRange; root: string | null }[]>
}

function classify(doc: Y.Doc, update: Uint8Array): Classified {
  const { structs, ds } = Y.decodeUpdate(update)
  const store = doc.store
  const own = new Map<number, DecodedStruct[]>()
  for (const s of structs) {
    const list = own.get(s.id.client)
    if (list) list.push(s)
    else own.set(s.id.client, [s])
  }
  const findOwn = (id: Y.ID): DecodedStruct | undefined =>
    own.get(id.client)?.find((s) => s.id.clock <= id.clock && id.clock < s.id.clock + s.length)
  const memo = new Map<DecodedStruct, string | 'gc' | null>()
  const rootOfId = (id: Y.ID, depth: number): string | 'gc' | null => {
    if (id.clock < Y.getState(store, id.client)) {
      return rootKeyOfIntegrated(Y.getItem(store, id) as Y.Item | Y.GC) ?? 'gc'
    }
    const s = findOwn(id)
    return s ? rootOfDecoded(s, depth + 1) : null
  }
  const rootOfDecoded = (s: DecodedStruct, depth: number): string | 'gc' | null => {
    if (!(s instanceof Y.Item)) return 'gc'
    if (depth > 10_000) return null
    const cached = memo.get(s)
    if (cached !== undefined) return cached
    const parent = s.parent as unknown
    let root: string | 'gc' | null
    if (typeof parent === 'string') root = parent
    else if (parent instanceof Y.ID) root = rootOfId(parent, depth)
    else if (s.origin) root = rootOfId(s.origin, depth)
    else if (s.rightOrigin) root = rootOfId(s.rightOrigin, depth)
    else root = null
    memo.set(s, root)
    return root
  }
  const rootOf = new Map<DecodedStruct, string | 'gc' | null>()
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue // GC and Skip structs carry no content
    if (s.id.clock + s.length <= Y.getState(store, s.id.client)) continue // already applied
    rootOf.set(s, rootOfDecoded(s, 0))
  }
  const deletes: Classified['deletes'] = new Map()
  for (const [client, ranges] of ds.clients as Map<number, DeleteRange[]>) {
    const parts: { range: DeleteRange; root: string | null }[] = []
    const known = store.clients.get(client)
    const state = Y.getState(store, client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (known && clock < state) {
        for (let i = Y.findIndexSS(known, clock); i < known.length; i++) {
          const struct = known[i] as Y.Item | Y.GC
          const from = Math.max(clock, struct.id.clock)
          const to = Math.min(end, struct.id.clock + struct.length)
          if (from >= end) break
          const live = struct instanceof Y.Item && !struct.deleted
          parts.push({
            range: { clock: from, len: to - from },
            root: live ? rootKeyOfIntegrated(struct) : null,
          })
        }
      }
      // Content this document does not have: of this same update, or pending. Either way it is
      // checked as it arrives, so deleting it cannot reach a section that is not allowed.
      if (end > state)
        parts.push({
          range: { clock: Math.max(clock, state), len: end - Math.max(clock, state) },
          root: null,
        })
    }
    deletes.set(client, parts)
  }
  return { structs, rootOf, deletes }
}

export interface UpdateFootprint {
  /** Root types (sections) whose content the update would insert into or delete from. */
  roots: Set<string>
  /** Parts of the update refer to content this document does not have (yet): their section is unknown. */
  unresolved: boolean
}

/**
 * Which sections `update` would change if applied to `doc`, without applying it. Content the document
 * already has is ignored (re-sent updates are no-ops). Throws on a malformed update.
 */
export function updateFootprint(doc: Y.Doc, update: Uint8Array): UpdateFootprint {
  const { rootOf, deletes } = classify(doc, update)
  const roots = new Set<string>()
  let unresolved = false
  for (const root of rootOf.values()) {
    if (root === null) unresolved = true
    else if (root !== 'gc') roots.add(root)
  }
  for (const parts of deletes.values()) for (const p of parts) if (p.root) roots.add(p.root)
  return { roots, unresolved }
}

export interface FilteredUpdate {
  /** What may be applied: the update itself when nothing was refused. */
  update: Uint8Array
  /** Sections (root types) whose changes were removed. */
  refused: string[]
}

/**
 * Removes from `update` every change to a root type that `isAllowed` refuses: new content there is
 * replaced by garbage-collected placeholders of the same length (so the sender's later updates, which
 * continue its clock, still apply), and deletions of content there are left out. Content whose place
 * is not known yet (it depends on content still to come) is kept: that content is checked when it
 * arrives, and what depends on refused content integrates as deleted. Throws on a malformed update.
 */
export function filterUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  isAllowed: (root: string) => boolean,
): FilteredUpdate {
  const { structs, rootOf, deletes } = classify(doc, update)
  const refused = new Set<string>()
  const refuse = new Set<DecodedStruct>()
  for (const [s, root] of rootOf) {
    if (typeof root === 'string' && root !== 'gc' && !isAllowed(root)) {
      refuse.add(s)
      refused.add(root)
    }
  }
  let deletesRefused = false
  for (const parts of deletes.values()) {
    for (const p of parts) {
      if (p.root && !isAllowed(p.root)) {
        refused.add(p.root)
        deletesRefused = true
      }
    }
  }
  if (refused.size === 0) return { update, refused: [] }

  const encoder = new Y.UpdateEncoderV1()
  const byClient = new Map<number, DecodedStruct[]>()
  for (const s of structs) {
    const list = byClient.get(s.id.client)
    if (list) list.push(s)
    else byClient.set(s.id.client, [s])
  }
  encoding.writeVarUint(encoder.restEncoder, byClient.size)
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, (list[0] as DecodedStruct).id.clock)
    for (const s of list) {
      if (refuse.has(s)) new Y.GC(s.id, s.length).write(encoder, 0)
      else s.write(encoder, 0)
    }
  }
  const kept = [...deletes].map(
    ([client, parts]) =>
      [client, deletesRefused ? parts.filter((p) => !p.root || isAllowed(p.root)) : parts] as const,
  )
  const nonEmpty = kept.filter(([, parts]) => parts.length > 0)
  encoding.writeVarUint(encoder.restEncoder, nonEmpty.length)
  for (const [client, parts] of nonEmpty) {
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, parts.length)
    for (const { range } of parts) {
      encoder.writeDsClock(range.clock)
      encoder.writeDsLen(range.len)
    }
  }
  return { update: encoder.toUint8Array(), refused: [...refused] }
}

export type SectionUpdateCheck = FilteredUpdate & {
  /** Why something was removed: a locked section, or a root that is not a worksheet section. */
  reason: 'locked' | 'unknown_section' | null
}

/**
 * What of an update may be applied to a cycle's document: changes to narrative sections that are not
 * `locked`. Everything else is removed (see `filterUpdate`).
 */
export function checkSectionUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  locked: readonly string[],
): SectionUpdateCheck {
  const result = filterUpdate(doc, update, (root) => isNarrativeSectionKey(root) && !locked.includes(root))
  const reason =
    result.refused.length === 0
      ? null
      : result.refused.some((r) => !isNarrativeSectionKey(r))
        ? 'unknown_section'
        : 'locked'
  return { ...result, reason }
}

// ───────────────────────────── Wire protocol shared by the server and the editor ─────────────────────────────

/** The HTTP path the collaboration server claims; a document's URL is `/collab/<cycleId>`. */
export const COLLAB_PATH = '/collab'

/** The query parameter a client sends to receive the extra messages below (stock clients never do). */
export const COLLAB_ACK_PARAM = 'ack'

/**
 * y-websocket message types: the standard ones (0 sync, 1 awareness, 2 auth, 3 query awareness) and
 * this project's two extras, sent only to clients that opted in with `?ack=1`.
 */
export const COLLAB_MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** varUint seq, varUint8Array stateVector: the first `seq` content messages of this connection are committed. */
  persisted: 100,
  /** varUint mode (0 read, 1 edit), varString JSON `{ locked: string[] }`: what this connection may change. */
  access: 101,
} as const

/**
 * WebSocket close codes. The stock y-websocket client stops reconnecting on 4400–4499 (a decision
 * reconnecting cannot change) and retries on everything else.
 */
export const COLLAB_CLOSE = {
  normal: 1000,
  /** ws closes with this itself when a frame exceeds maxPayload. */
  messageTooBig: 1009,
  /** Graceful shutdown or deploy: reconnect (to this or another instance) and resync. */
  serviceRestart: 1012,
  /** Too much unsaved data queued (database slow or down): reconnect later, unsent edits are re-sent. */
  tryAgainLater: 1013,
  /** A message that is not valid y-websocket / Yjs. */
  badMessage: 4400,
  /** The session ended (signed out, expired, user deactivated). */
  unauthorized: 4401,
  /** The user may no longer open this document (membership removed). */
  forbidden: 4403,
  /** The cycle no longer exists. */
  notFound: 4404,
  /** The update would make the document larger than the server keeps. */
  documentTooLarge: 4413,
  /** More messages or bytes per second than a person typing sends. The project's client reconnects. */
  rateLimited: 4429,
} as const
export type CollabCloseCode = (typeof COLLAB_CLOSE)[keyof typeof COLLAB_CLOSE]

/** What a connection may change, as announced by the `access` message. */
export interface CollabAccessNotice {
  mode: DocumentAccess
  locked: string[]
}
