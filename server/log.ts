// Structured logs (pino): one JSON object per line in production, readable lines in development.
// Every request gets an id (X-Request-Id from a trusted proxy, else generated) carried into the tRPC
// and collaboration logs. Logs never hold cookies, passwords, tokens or student data: request logs
// carry method, route path (no query string), status and duration only (docs/decisions/019).
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import pino, { type Logger } from 'pino'

export type { Logger }

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

/** Keys that must never reach a log, wherever they appear in a logged object. */
const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'cookie',
  '*.cookie',
  'headers.cookie',
  'headers.authorization',
  'csrfToken',
  '*.csrfToken',
  'sessionId',
  '*.sessionId',
]

export function createLogger(options: { level: LogLevel; pretty?: boolean }): Logger {
  return pino({
    level: options.level,
    base: { service: 'pdsa' },
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
    ...(options.pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service' },
          },
        }
      : {}),
  })
}

/** A logger that drops everything (tests, or LOG_LEVEL=silent). */
export const silentLogger: Logger = pino({ level: 'silent' })

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/

/** The request's id: a well-formed `X-Request-Id` from a trusted proxy, or a new one. */
export function requestIdFor(header: string | string[] | undefined, trusted: boolean): string {
  const given = Array.isArray(header) ? header[0] : header
  return trusted && given && REQUEST_ID.test(given) ? given : randomUUID()
}

/** The path of a URL without its query string (which can hold search terms or ids). */
export function pathOnly(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/'
  return path.length > 200 ? `${path.slice(0, 200)}…` : path
}

/** The request being served (HTTP request or collaboration upgrade), for logs deep in the call stack. */
export const requestScope = new AsyncLocalStorage<{ reqId: string; log: Logger }>()

/** The current request's logger (with its `reqId`), or `fallback` outside a request. */
export function currentLog(fallback: Logger): Logger {
  return requestScope.getStore()?.log ?? fallback
}
