// Benchmark clients: real client stacks (y-websocket WebsocketProvider for OURS and the reference
// server, HocuspocusProvider for Hocuspocus), each with its own Y.Doc and WebSocket, in this process.
import { HocuspocusProvider } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export type SystemKind = 'ours' | 'hocuspocus' | 'yws'

export interface Target {
  kind: SystemKind
  port: number
  cookie?: string
  origin?: string
}

export interface BenchClient {
  doc: Y.Doc
  synced: Promise<void>
  destroy(): void
}

/** Section fragments the writers type into (the product's section keys, accepted by OURS durable). */
export const SECTIONS = [
  'objective',
  'hypothesis',
  'questions',
  'predictions',
  'plan',
  'dataCollection',
  'do',
  'study',
  'act',
]

function nodeWebSocket(headers: { cookie?: string; origin?: string }) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, {
        perMessageDeflate: false,
        ...(headers.cookie ? { headers: { cookie: headers.cookie } } : {}),
        ...(headers.origin ? { origin: headers.origin } : {}),
      })
    }
  }
}

export function connectClient(target: Target, name: string): BenchClient {
  const doc = new Y.Doc()
  if (target.kind === 'hocuspocus') {
    let resolveSynced!: () => void
    const synced = new Promise<void>((r) => {
      resolveSynced = r
    })
    const provider = new HocuspocusProvider({
      url: `ws://127.0.0.1:${target.port}`,
      name,
      document: doc,
      onSynced: () => resolveSynced(),
      WebSocketPolyfill: nodeWebSocket({}),
    } as ConstructorParameters<typeof HocuspocusProvider>[0])
    return {
      doc,
      synced,
      destroy() {
        provider.destroy()
        doc.destroy()
      },
    }
  }
  const base =
    target.kind === 'ours' ? `ws://127.0.0.1:${target.port}/collab` : `ws://127.0.0.1:${target.port}`
  const provider = new WebsocketProvider(base, name, doc, {
    WebSocketPolyfill: nodeWebSocket({
      cookie: target.cookie,
      origin: target.origin,
    }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    // The project's editor asks for the "persisted" acknowledgements; measure with them on.
    params: target.kind === 'ours' ? { ack: '1' } : {},
  })
  if (target.kind === 'ours') provider.messageHandlers[100] = () => undefined // acks: counted by the editor, not here
  if (target.kind === 'ours') provider.messageHandlers[101] = () => undefined
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    else provider.once('sync', () => resolve())
  })
  return {
    doc,
    synced,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** The writer's own text: first paragraph of a section. Only the writer creates it (`create`). */
export function writerText(doc: Y.Doc, writer: number, create = false): Y.XmlText | null {
  const fragment = doc.getXmlFragment(SECTIONS[writer % SECTIONS.length] as string)
  let paragraph = fragment.get(0) as Y.XmlElement | undefined
  if (!paragraph && create) {
    doc.transact(() => {
      paragraph = new Y.XmlElement('paragraph')
      fragment.insert(0, [paragraph])
      paragraph.insert(0, [new Y.XmlText()])
    })
  }
  return (paragraph?.get(0) as Y.XmlText | undefined) ?? null
}

/** A worksheet-sized document (~3 KB of text over the sections), as one update. */
export function worksheetUpdate(seed: number): Uint8Array {
  const doc = new Y.Doc()
  for (const [i, section] of SECTIONS.entries()) {
    const fragment = doc.getXmlFragment(section)
    for (let p = 0; p < 3; p++) {
      const paragraph = new Y.XmlElement('paragraph')
      fragment.insert(p, [paragraph])
      paragraph.insert(0, [
        new Y.XmlText(`Doc ${seed} section ${i} paragraph ${p}: `.padEnd(110, 'lorem ipsum ')),
      ])
    }
  }
  return Y.encodeStateAsUpdate(doc)
}
