import type { Actor } from '@pdsa/domain'
import type { Db } from '../../server/db/client.ts'
import { type AppServices, createContextInner } from '../../server/trpc/context.ts'
import { createCaller } from '../../server/trpc/root.ts'

/** The tRPC API as `actor` (null: signed out), called in-process with the real router and services. */
export function callerFor(
  db: Db,
  actor: Actor | null,
  opts: { csrfVerified?: boolean; app?: AppServices } = {},
) {
  return createCaller(createContextInner({ db, actor, ...opts }))
}
