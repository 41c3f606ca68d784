// What the client learns of an unexpected failure: a generic sentence and an id. The error itself (a
// Prisma message, SQL state, stack) is logged here under that id and never sent (ADR 021).
import { randomBytes } from 'node:crypto'
import { requestScope } from '../log.ts'

const idsOfErrors = new WeakMap<object, string>()

/** A short id for one failure, the same each time the same error object is shaped. */
export function internalErrorId(error: object): string {
  let id = idsOfErrors.get(error)
  if (!id) {
    id = randomBytes(6).toString('hex')
    idsOfErrors.set(error, id)
  }
  return id
}

export function internalErrorMessage(id: string): string {
  return `Something went wrong on the server. Try again; if it keeps happening, tell your administrator the error id ${id}.`
}

/** Logs an unexpected failure of a procedure, with its id, on the server only. */
export function logInternalError(id: string, path: string | undefined, cause: unknown): void {
  // The request's logger (with its request id) when there is one; never the procedure's input.
  const log = requestScope.getStore()?.log
  if (log) log.error({ err: cause, procedure: path ?? '?', errorId: id }, 'tRPC procedure failed')
  else console.error(`tRPC ${path ?? '?'} failed (error id ${id}):`, cause)
}
