// Hocuspocus 4 (@hocuspocus/server) with no extensions: relays and keeps documents in memory.
import { Server } from '@hocuspocus/server'
import { announce, answerStats } from './ipc.ts'

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  websocketOptions: { perMessageDeflate: false, maxPayload: 8 * 1024 * 1024 },
})
await server.listen()
answerStats(() => ({
  rooms: server.hocuspocus.getDocumentsCount(),
  connections: server.hocuspocus.getConnectionsCount(),
}))
announce({ type: 'ready', port: server.address.port, documents: [] })
