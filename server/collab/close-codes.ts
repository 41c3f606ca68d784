// Named WebSocket close codes of the collaboration server (shared with the editor through
// @pdsa/domain/collab) and the reason text sent with each. Collaboration errors never throw across
// the socket: the connection is closed with one of these.
import { COLLAB_CLOSE, type CollabCloseCode } from '@pdsa/domain/collab'

export { COLLAB_CLOSE as CloseCode, type CollabCloseCode }

/** Reason phrases (a close frame allows 123 bytes). */
export const CLOSE_REASONS: Record<CollabCloseCode, string> = {
  [COLLAB_CLOSE.normal]: 'Closed',
  [COLLAB_CLOSE.messageTooBig]: 'Message too big',
  [COLLAB_CLOSE.serviceRestart]: 'Server restarting, reconnect',
  [COLLAB_CLOSE.tryAgainLater]: 'Too many unsaved changes queued, try again later',
  [COLLAB_CLOSE.badMessage]: 'Malformed message',
  [COLLAB_CLOSE.unauthorized]: 'Session ended, sign in again',
  [COLLAB_CLOSE.forbidden]: 'You no longer have access to this document',
  [COLLAB_CLOSE.notFound]: 'Document not found',
  [COLLAB_CLOSE.documentTooLarge]: 'Document too large',
  [COLLAB_CLOSE.rateLimited]: 'Too many messages, slow down',
}

/** HTTP status of a refused upgrade, answered before any document data is sent. */
export type UpgradeRejectionStatus = 400 | 401 | 403 | 404 | 429 | 500 | 503

const STATUS_TEXT: Record<UpgradeRejectionStatus, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

/** Thrown by upgrade hooks (origin check, authentication) to refuse the handshake with a status. */
export class UpgradeRejection extends Error {
  constructor(
    readonly status: UpgradeRejectionStatus,
    message: string = STATUS_TEXT[status],
  ) {
    super(message)
    this.name = 'UpgradeRejection'
  }
}

export function httpRejection(status: UpgradeRejectionStatus, retryAfterSeconds?: number): string {
  const retry = retryAfterSeconds ? `Retry-After: ${retryAfterSeconds}\r\n` : ''
  return `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\n${retry}Content-Length: 0\r\n\r\n`
}
