// What the HTTP server hands every loader and action (through React Router's context).
// Loaders reach the server only through this: a tRPC client bound in-process to the request's
// session, so pages and the browser go through the same procedures and the same authorization.
// The key is exported from entry.server.tsx so server/app.ts sets the very object loaders read.
import type { Actor, SignInInput } from '@pdsa/domain'
import type { TRPCClient } from '@trpc/client'
import { createContext } from 'react-router'
import type { SsoServerContext } from '../../server/auth/sso/server-context.ts'
import type { AccountLinkView } from '../../server/services/accounts/account-link.ts'
import type { AppRouter } from '../../server/trpc/root.ts'

export interface ServerContext {
  actor: Actor | null
  /** Sent back as `x-csrf-token` by the browser's tRPC client and as a form field by forms. */
  csrfToken: string | null
  trpcClient: TRPCClient<AppRouter>
  auth: SsoServerContext & {
    /** Throws a DomainError-shaped error ({ code, message }) on bad credentials or rate limit. */
    /** setCookie null: a temporary password, redirectTo is the page that chooses a new one. */
    signIn(input: SignInInput): Promise<{ setCookie: string | null; redirectTo: string }>
    /** "Forgot password?": always resolves the same way (ADR 029); throws only on invalid input. */
    requestPasswordReset(input: unknown): Promise<void>
    checkAccountLink(token: string): Promise<AccountLinkView>
    /** Uses an invitation or reset link once; throws a DomainError-shaped error when it does not work. */
    setPasswordFromLink(input: unknown): Promise<{ setCookie: string; redirectTo: string }>
    signOut(
      csrfToken: string | null,
    ): Promise<{ setCookie: string; providerSignOut: { providerId: string } | null }>
  }
  /** Origin of this server, e.g. for the collaboration socket URL. */
  publicOrigin: string
  /** This response's Content-Security-Policy nonce, rendered on the inline scripts. */
  cspNonce: string
  /** Logs an unexpected error of this request (with its request id; see server/log.ts). */
  logError(error: unknown, message: string): void
}

export const serverContext = createContext<ServerContext>()
