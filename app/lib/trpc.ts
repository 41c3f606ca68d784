// The browser's tRPC client: TanStack Query through @trpc/tanstack-react-query, batched over HTTP,
// with the session's CSRF token on every request.

import { API_MAX_BATCH_CALLS } from '@pdsa/domain'
import { isServer, QueryClient } from '@tanstack/react-query'
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client'
import { createTRPCContext } from '@trpc/tanstack-react-query'
import superjson from 'superjson'
import type { AppRouter } from '../../server/trpc/root.ts'
import { withoutFieldPrefixes } from './error-message'

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>()

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data prefetched by a loader is fresh for a little while, so hydration does not refetch at once.
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (error instanceof TRPCClientError) {
            const code = error.data?.code as string | undefined
            if (code && ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST'].includes(code)) return false
          }
          return failureCount < 2
        },
      },
    },
  })
}

let browserQueryClient: QueryClient | undefined
export function getQueryClient() {
  if (isServer) return makeQueryClient()
  browserQueryClient ??= makeQueryClient()
  return browserQueryClient
}

export function makeTrpcClient(getCsrfToken: () => string | null) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/api/trpc',
        transformer: superjson,
        // The server refuses larger batches (server/app.ts).
        maxItems: API_MAX_BATCH_CALLS,
        headers() {
          const token = getCsrfToken()
          return token ? { 'x-csrf-token': token } : {}
        },
      }),
    ],
  })
}

/** What a failed call means for the person who made it, with field errors when the input was wrong. */
export function parseClientError(error: unknown): {
  message: string
  code: string | null
  fieldErrors: Record<string, string[]>
} {
  if (error instanceof TRPCClientError) {
    const data = error.data as
      | {
          code?: string
          zodError?: { fieldErrors?: Record<string, string[]> } | null
          fieldErrors?: Record<string, string[]> | null
        }
      | undefined
    return {
      message: withoutFieldPrefixes(error.message),
      code: data?.code ?? null,
      fieldErrors: { ...(data?.zodError?.fieldErrors ?? {}), ...(data?.fieldErrors ?? {}) },
    }
  }
  return {
    message: error instanceof Error ? error.message : 'Something went wrong.',
    code: null,
    fieldErrors: {},
  }
}
