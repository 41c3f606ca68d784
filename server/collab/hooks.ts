// The collaboration server's extension interface, in the style of Hocuspocus: extensions implement
// any of these hooks and the server runs them in priority order (higher first, default 100).
//
//   upgrade request ─ onUpgrade ─ onAuthenticate ─┬─ (first client of the document) onLoadDocument ─ accept
//                                                 └─ (already loaded) ─────────────────────────────── accept
//   each content message ─ beforeHandleUpdate ─ apply ─ onChange      (group commit stores it)
//   every few seconds ─ onRevalidate (sessions, membership, stage)
//   last client gone + grace ─ onUnloadDocument       shutdown ─ onDestroy
import type { IncomingMessage } from 'node:http'
import type * as Y from 'yjs'

export type AccessMode = 'edit' | 'read'

/** Who is on the other end of a connection, decided before the WebSocket is accepted. */
export interface ConnectionIdentity {
  userId: string | null
  /** Shown on the user's cursor; the server writes it into the awareness state (no impersonation). */
  userName: string
  /** Re-checked periodically (sign-out, expiry). */
  sessionId: string | null
  access: AccessMode
}

/** What extensions see of a loaded document. */
export interface RoomView {
  readonly name: string
  readonly doc: Y.Doc
  /** Root types nobody may change at the moment (e.g. Plan sections once the test started). */
  readonly locked: readonly string[]
  /** Free-form state extensions keep per document (e.g. the cycle's stage). */
  readonly context: Record<string, unknown>
  setLocked(locked: readonly string[]): void
  /** Time of the last change to the document (any origin). */
  readonly lastChangeAt: number
}

/** What extensions see of a connection. */
export interface ConnectionView {
  readonly id: number
  readonly identity: ConnectionIdentity
  readonly room: RoomView
  setAccess(access: AccessMode): void
}

export interface UpgradeData {
  request: IncomingMessage
  documentName: string
}

export interface AuthenticateResult {
  identity: ConnectionIdentity
  /** Copied into the room's context when this connection loads the document. */
  context?: Record<string, unknown>
}

export type ChangeOrigin = 'client' | 'redis' | 'storage'

/** What to apply instead of a content message: parts of it removed, and why (sent to the client). */
export interface UpdateVerdict {
  update: Uint8Array
  refused: 'locked' | 'invalid-section' | null
}

export type RevalidationVerdict =
  | { status: 'ok'; access: AccessMode; context?: Record<string, unknown> }
  | { status: 'unauthenticated' | 'forbidden' | 'not_found' }

export interface CollabExtension {
  name: string
  priority?: number
  /** Cheap checks before authentication (Origin). Throw an `UpgradeRejection` to refuse. */
  onUpgrade?(data: UpgradeData): void | Promise<void>
  /** Who connects and with which access. Throw an `UpgradeRejection` (401/403/404) to refuse. */
  onAuthenticate?(data: UpgradeData): Promise<AuthenticateResult | undefined>
  /** Runs once per load, after the stored state was applied and before any client is synced. */
  onLoadDocument?(data: { room: RoomView }): Promise<void>
  /**
   * Synchronous, on the hot path: may remove parts of a content message before it is applied (removed
   * content must keep the sender's clock contiguous, see filterUpdate). Throws on garbage.
   */
  beforeHandleUpdate?(data: {
    room: RoomView
    update: Uint8Array
    connection: ConnectionView
  }): UpdateVerdict | undefined
  /** After the document changed. `userId` is the author when the change came from a local client. */
  onChange?(data: { room: RoomView; update: Uint8Array; origin: ChangeOrigin; userId: string | null }): void
  onConnect?(data: { connection: ConnectionView }): void
  onDisconnect?(data: { connection: ConnectionView }): void
  /** Re-checks open connections: one verdict per connection, in order. */
  onRevalidate?(data: { connections: readonly ConnectionView[] }): Promise<RevalidationVerdict[]>
  /** Before a document leaves memory (after its pending updates are committed). */
  onUnloadDocument?(data: { room: RoomView }): Promise<void>
  /** On shutdown, after every pending update is committed. */
  onDestroy?(): Promise<void>
}

/** Extensions sorted by priority, highest first (stable for equal priorities). */
export function sortExtensions(extensions: readonly CollabExtension[]): CollabExtension[] {
  return extensions
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (b.e.priority ?? 100) - (a.e.priority ?? 100) || a.i - b.i)
    .map(({ e }) => e)
}
