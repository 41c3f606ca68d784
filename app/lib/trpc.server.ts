// Loader helpers: prefetch tRPC queries in-process (same procedures and authorization as the
// browser), hand them to the page as dehydrated TanStack Query state, and turn tRPC errors into
// the right HTTP responses.
import { dehydrate, type FetchQueryOptions, QueryClient } from '@tanstack/react-query'
import { TRPCClientError } from '@trpc/client'
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query'
import { data, redirect } from 'react-router'
import type { AppRouter } from '../../server/trpc/root.ts'
import { type ServerContext, serverContext } from './server-context.ts'

type ContextReader = { get: <T>(key: import('react-router').RouterContext<T>) => T }

export function getServerContext(context: ContextReader): ServerContext {
  return context.get(serverContext)
}

/**
 * The request's form fields, or a 400 response when the body is not a form (JSON, broken multipart):
 * a malformed request is the client's error, not the server's.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    throw data(
      { message: 'Send this form as application/x-www-form-urlencoded or multipart/form-data.' },
      { status: 415 },
    )
  }
  try {
    return await request.formData()
  } catch {
    throw data({ message: 'The form data could not be read.' }, { status: 400 })
  }
}

/** The signed-in actor, or a redirect to the sign-in page that comes back here afterwards. */
export function requireActor(context: ContextReader, request: Request) {
  const { actor } = getServerContext(context)
  if (!actor) {
    const url = new URL(request.url)
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  return actor
}

export function serverTrpc(context: ContextReader) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } })
  const trpc = createTRPCOptionsProxy<AppRouter>({
    client: getServerContext(context).trpcClient,
    queryClient,
  })
  return { trpc, queryClient }
}

/** Throws the tRPC error as an HTTP response: 404, 403, 400 or a redirect to sign in. */
export function throwAsResponse(error: unknown, request: Request): never {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code
    if (code === 'UNAUTHORIZED') {
      const url = new URL(request.url)
      throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
    }
    const status =
      code === 'NOT_FOUND' ? 404 : code === 'FORBIDDEN' ? 403 : code === 'BAD_REQUEST' ? 400 : 500
    throw data({ message: error.message }, { status })
  }
  throw error
}

/**
 * Runs the queries (throwing 404/403 as responses) and returns the dehydrated cache for
 * `<HydrationBoundary state={loaderData.dehydratedState}>`.
 */
export async function prefetch(
  request: Request,
  queryClient: QueryClient,
  // biome-ignore lint/suspicious/noExplicitAny: any tRPC queryOptions
  queries: FetchQueryOptions<any, any, any, any>[],
) {
  try {
    await Promise.all(queries.map((q) => queryClient.fetchQuery(q)))
  } catch (error) {
    throwAsResponse(error, request)
  }
  return dehydrate(queryClient)
}
