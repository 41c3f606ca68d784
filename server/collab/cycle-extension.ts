// The cycle worksheet's rules on top of the generic server: Origin and session checked before the
// upgrade, the cycle's team decides edit / read-only / refused, Plan sections are locked once the
// test started, the plain text is mirrored into the cycle row, and open connections are re-checked.
import type { IncomingMessage } from 'node:http'
import { type CycleStage, isDomainError } from '@pdsa/domain'
import { checkSectionUpdate, lockedSectionKeys } from '@pdsa/domain/collab'
import { readSessionToken, resolveSession, type SessionConfig } from '../auth/session.ts'
import type { Db } from '../db/client.ts'
import { getCycleDocumentAccess } from '../services/collab/get-cycle-document-access.ts'
import { readMirrorBaseline } from '../services/collab/mirror-cycle-texts.ts'
import { revalidateDocumentAccess } from '../services/collab/revalidate-document-access.ts'
import { UpgradeRejection } from './close-codes.ts'
import type { CollabExtension, RoomView } from './hooks.ts'
import { TextMirror } from './text-mirror.ts'

export interface CycleExtensionOptions {
  db: Db
  session: SessionConfig
  /** Origins besides the request's own host allowed to open sockets (ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[]
  now?: () => Date
  mirrorDelayMs?: number
  mirrorMaxDelayMs?: number
  log?: (message: string, error?: unknown) => void
  onNotified?: (recipientIds: string[]) => void
}

/** Cross-site WebSocket hijacking defence: the handshake must come from a page of ours. */
export function isAllowedSocketOrigin(
  request: IncomingMessage,
  allowed: readonly string[],
  secure: boolean,
): boolean {
  const origin = request.headers.origin
  if (!origin) return false
  const own = `${secure ? 'https' : 'http'}://${request.headers.host ?? ''}`
  return origin === own || allowed.includes(origin)
}

const stageOf = (room: RoomView) => (room.context.stage as CycleStage | undefined) ?? 'plan'

export function cycleExtension(options: CycleExtensionOptions): CollabExtension & { mirror: TextMirror } {
  const { db } = options
  const now = options.now ?? (() => new Date())
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''))
  const mirror = new TextMirror({
    db,
    now,
    delayMs: options.mirrorDelayMs ?? 2_000,
    maxDelayMs: options.mirrorMaxDelayMs ?? 10_000,
    log,
    ...(options.onNotified ? { onNotified: options.onNotified } : {}),
  })

  return {
    name: 'cycle',
    mirror,

    onUpgrade({ request }) {
      if (!isAllowedSocketOrigin(request, options.allowedOrigins, options.session.secureCookies)) {
        throw new UpgradeRejection(403, 'Origin not allowed')
      }
    },

    async onAuthenticate({ request, documentName }) {
      const resolved = await resolveSession(db, options.session, readSessionToken(request.headers.cookie))
      if (!resolved) throw new UpgradeRejection(401)
      try {
        const access = await getCycleDocumentAccess({ db, actor: resolved.actor, cycleId: documentName })
        return {
          identity: {
            userId: resolved.actor.userId,
            userName: resolved.actor.name,
            sessionId: resolved.sessionId,
            access: access.access,
          },
          context: { stage: access.stage },
        }
      } catch (error) {
        if (isDomainError(error) && error.code === 'NOT_FOUND') throw new UpgradeRejection(404)
        if (isDomainError(error) && error.code === 'FORBIDDEN') throw new UpgradeRejection(403)
        throw error
      }
    },

    async onLoadDocument({ room }) {
      room.setLocked(lockedSectionKeys(stageOf(room)))
      mirror.track(room, await readMirrorBaseline(db, room.name))
    },

    beforeHandleUpdate({ room, update }) {
      const check = checkSectionUpdate(room.doc, update, room.locked)
      if (!check.reason) return undefined
      return {
        update: check.update,
        refused: check.reason === 'unknown_section' ? 'invalid-section' : 'locked',
      }
    },

    onChange({ room, userId }) {
      mirror.changed(room, now(), userId)
    },

    async onRevalidate({ connections }) {
      const verdicts = await revalidateDocumentAccess({
        db,
        now: now(),
        sessions: connections.map((c) => ({
          sessionId: c.identity.sessionId ?? '',
          userId: c.identity.userId ?? '',
          cycleId: c.room.name,
        })),
      })
      verdicts.forEach((verdict, i) => {
        const room = connections[i]?.room
        if (verdict.status !== 'ok' || !room || stageOf(room) === verdict.stage) return
        room.context.stage = verdict.stage
        room.setLocked(lockedSectionKeys(verdict.stage))
      })
      return verdicts
    },

    async onUnloadDocument({ room }) {
      await mirror.release(room)
    },

    async onDestroy() {
      await mirror.flushAll()
    },
  }
}
