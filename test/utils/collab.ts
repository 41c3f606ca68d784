// Collaboration test helpers: a real collaboration server on an ephemeral port, real y-websocket
// clients (`WebsocketProvider` with the `ws` polyfill carrying cookie and Origin), and `waitFor`.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket as NodeWebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CycleDocument } from '../../app/components/CollaborativeNarrative/cycle-document.ts'
import { createSession, type SessionConfig } from '../../server/auth/session.ts'
import { type CycleCollabServer, createCycleCollabServer } from '../../server/collab/index.ts'
import type { Db } from '../../server/db/client.ts'

export const TEST_SESSION: SessionConfig = { ttlHours: 12, secret: 's'.repeat(40), secureCookies: false }

export interface StartedCollabServer {
  collab: CycleCollabServer
  http: Server
  port: number
  /** `http://127.0.0.1:<port>`: the Origin a page of this server sends. */
  origin: string
  /** `ws://127.0.0.1:<port>/collab` */
  wsUrl: string
  close(): Promise<void>
}

export type CollabServerOverrides = Omit<
  Parameters<typeof createCycleCollabServer>[0],
  'db' | 'session' | 'allowedOrigins'
> & { allowedOrigins?: readonly string[] }

/** A collaboration server on `port` (0: any free port), with the same upgrade wiring as server/index.ts. */
export async function startCollabServer(
  db: Db,
  options: CollabServerOverrides & { port?: number } = {},
): Promise<StartedCollabServer> {
  const { port: wanted = 0, allowedOrigins = [], ...rest } = options
  const collab = await createCycleCollabServer({
    db,
    session: TEST_SESSION,
    allowedOrigins,
    unloadGraceMs: 200,
    mirrorDelayMs: 50,
    mirrorMaxDelayMs: 200,
    ...rest,
  })
  const http = createServer((_req, res) => res.writeHead(404).end())
  http.on('upgrade', collab.handleUpgrade)
  await new Promise<void>((resolve) => http.listen(wanted, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  let closed = false
  return {
    collab,
    http,
    port,
    origin: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    async close() {
      if (closed) return
      closed = true
      await collab.close()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

/** A session cookie for a user (what the browser would send). */
export async function cookieFor(db: Db, userId: string): Promise<string> {
  const { token } = await createSession(db, TEST_SESSION, userId, { userAgent: 'test', ip: '127.0.0.1' })
  return `pdsa_session=${token}`
}

/** A `WebSocket` class for y-websocket that sends a cookie and an Origin, like a browser page. */
export function browserLikeWebSocket(headers: { cookie?: string; origin?: string }): typeof WebSocket {
  return class extends NodeWebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, {
        headers: headers.cookie ? { cookie: headers.cookie } : {},
        ...(headers.origin ? { origin: headers.origin } : {}),
      })
    }
  } as unknown as typeof WebSocket
}

export interface ConnectedDoc {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Section text as plain string (first paragraph's text nodes). */
  text(section?: string): string
  /** Types `text` at the end of the first paragraph of a section (creating it if needed). */
  type(text: string, section?: string): void
  destroy(): void
}

/** Appends text to a section the way Tiptap stores it: XmlFragment > paragraph > XmlText. */
export function typeInto(doc: Y.Doc, text: string, section = 'objective') {
  const fragment = doc.getXmlFragment(section)
  doc.transact(() => {
    let paragraph = fragment.get(0) as Y.XmlElement | undefined
    if (!paragraph) {
      paragraph = new Y.XmlElement('paragraph')
      fragment.insert(0, [paragraph])
    }
    let node = paragraph.get(0) as Y.XmlText | undefined
    if (!node) {
      node = new Y.XmlText()
      paragraph.insert(0, [node])
    }
    node.insert(node.length, text)
  })
}

export function textOf(doc: Y.Doc, section = 'objective'): string {
  const paragraph = doc.getXmlFragment(section).get(0) as Y.XmlElement | undefined
  const node = paragraph?.get(0) as Y.XmlText | undefined
  return node?.toString() ?? ''
}

/** A stock y-websocket client (no project extras) connected to a cycle's document. */
export function connectDoc(
  server: { wsUrl: string; origin: string },
  cycleId: string,
  cookie: string | undefined,
  options: { origin?: string; params?: Record<string, string>; doc?: Y.Doc; connect?: boolean } = {},
): ConnectedDoc {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(server.wsUrl, cycleId, doc, {
    WebSocketPolyfill: browserLikeWebSocket({ cookie, origin: options.origin ?? server.origin }),
    params: options.params ?? {},
    disableBc: true,
    maxBackoffTime: 200,
    connect: options.connect ?? true,
  })
  return {
    doc,
    provider,
    text: (section) => textOf(doc, section),
    type: (text, section) => typeInto(doc, text, section),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** The project's own client (counts acknowledgements, tracks access and locked sections). */
export function connectCycleDocument(
  server: { wsUrl: string; origin: string },
  cycleId: string,
  cookie: string,
  user = { name: 'Tester', color: '#1971c2' },
): CycleDocument {
  const document = new CycleDocument({
    cycleId,
    serverUrl: server.wsUrl,
    user,
    WebSocketImpl: browserLikeWebSocket({ cookie, origin: server.origin }),
  })
  document.provider.maxBackoffTime = 200
  return document
}

/** Polls until `check` returns a truthy value (or stops throwing); fails with the last error. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  {
    timeout = 10_000,
    interval = 20,
    message,
  }: { timeout?: number; interval?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const started = Date.now()
  let lastError: unknown
  for (;;) {
    try {
      const value = await check()
      if (value) return value as NonNullable<T>
      lastError = new Error(message ?? 'condition still false')
    } catch (error) {
      lastError = error
    }
    if (Date.now() - started > timeout) {
      throw lastError instanceof Error ? lastError : new Error(String(lastError))
    }
    await new Promise((r) => setTimeout(r, interval))
  }
}

/** The HTTP status a WebSocket handshake was refused with (or 101 when it was accepted). */
export function handshakeStatus(
  url: string,
  headers: { cookie?: string; origin?: string } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new NodeWebSocket(url, {
      headers: headers.cookie ? { cookie: headers.cookie } : {},
      ...(headers.origin ? { origin: headers.origin } : {}),
    })
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    ws.on('error', (error) => reject(error))
  })
}
