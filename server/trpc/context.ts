import type { Actor } from '@pdsa/domain'
import { createSecretBox, type SecretBox } from '../auth/sso/secret-box.ts'
import type { Db } from '../db/client.ts'

/** Process-wide collaborators the services need besides the database (set up once in server/app.ts). */
export interface AppServices {
  /** The clock; tests pin it. */
  now(): Date
  /** Called after a write that changes who may open a cycle's document (collaboration closes sockets). */
  onAccessChanged?(change: { userId?: string; teamId?: string }): void
  /** Called after the API committed an update to a cycle's document (collaboration shows it to editors). */
  onCycleDocumentWritten?(cycleId: string, update: Uint8Array): void
  /** Called after a write committed new notifications for these people (live updates: ADR 030). */
  onNotified?(recipientIds: string[]): void
  /** Seals identity providers' client secrets (SSO_SECRET_KEY); without it single sign-on cannot be set up. */
  secrets?: SecretBox
  /** PUBLIC_URL (or http://localhost:PORT): every link in an email is absolute (ADR 029). */
  publicUrl?: string
  /** Called after a transaction that queued email committed: the sender starts a round at once. */
  onEmailQueued?(): void
}

export interface TrpcContext {
  db: Db
  actor: Actor | null
  /** True when the request carried a valid CSRF token, or the caller is in-process (loaders, tests). */
  csrfVerified: boolean
  app: AppServices
}

export const defaultAppServices: AppServices = {
  now: () => new Date(),
  // Tests and tools only: the server passes a box keyed from SSO_SECRET_KEY or SESSION_SECRET.
  secrets: createSecretBox('tests-and-tools-only-sso-secret-key-0000'),
  publicUrl: 'http://localhost:3000',
}

/** The context without HTTP: what loaders and tests use. */
export function createContextInner(opts: {
  db: Db
  actor: Actor | null
  csrfVerified?: boolean
  app?: AppServices
}): TrpcContext {
  return {
    db: opts.db,
    actor: opts.actor,
    csrfVerified: opts.csrfVerified ?? true,
    app: opts.app ?? defaultAppServices,
  }
}

/** Where emails link to: PUBLIC_URL as the server was given it, else the development address. */
export function publicUrlOf(app: AppServices): string {
  return app.publicUrl ?? 'http://localhost:3000'
}
