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
  // With the request's id when there is one (pino logs, ADR 019); never the procedure's input.
  const reqId = requestScope.getStore()?.reqId
  console.error(`tRPC ${path ?? '?'} failed (error id ${id}${reqId ? `, request ${reqId}` : ''}):`, cause)
}
