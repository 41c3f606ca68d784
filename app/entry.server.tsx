import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import type { RenderToPipeableStreamOptions } from 'react-dom/server'
import { renderToPipeableStream } from 'react-dom/server'
import type { EntryContext, HandleErrorFunction, RouterContextProvider } from 'react-router'
import { isRouteErrorResponse, ServerRouter } from 'react-router'
import { NonceContext } from './lib/nonce.ts'
import { serverContext } from './lib/server-context.ts'

// The server sets this key on each request's context (see server/app.ts): exporting it from the
// server build guarantees both sides use the same object.
export { serverContext } from './lib/server-context.ts'

export const streamTimeout = 5_000

/** Pages hold personal data and a per-response nonce: never stored by a browser or a proxy. */
const NO_STORE = 'private, no-store'

export function handleDataRequest(response: Response) {
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', NO_STORE)
  return response
}

/**
 * Unexpected errors only, through the request's logger: an unknown URL (404) or a refused request
 * is an answer, not an error, and logs no stack trace.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted || isRouteErrorResponse(error)) return
  // React Router can report an error before the request's context exists.
  let server: { logError(error: unknown, message: string): void } | undefined
  try {
    server = (context as RouterContextProvider | undefined)?.get(serverContext)
  } catch {}
  if (server) server.logError(error, 'Page request failed')
  else console.error(error)
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  if (!responseHeaders.has('Cache-Control')) responseHeaders.set('Cache-Control', NO_STORE)
  const nonce = loadContext.get(serverContext).cspNonce
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders })
  }
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const userAgent = request.headers.get('user-agent')
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady'
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000)
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceContext>,
      {
        nonce,
        [readyOption]() {
          shellRendered = true
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId)
              timeoutId = undefined
              callback()
            },
          })
          const stream = createReadableStreamFromReadable(body)
          responseHeaders.set('Content-Type', 'text/html')
          pipe(body)
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }))
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) loadContext.get(serverContext).logError(error, 'Rendering a page failed')
        },
      },
    )
  })
}
