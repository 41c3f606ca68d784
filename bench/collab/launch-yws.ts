// The reference server: @y/websocket-server 0.1.1 (the last release on Yjs 13), no persistence.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { docs, setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'
import { announce, answerStats } from './ipc.ts'

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 8 * 1024 * 1024 })
const http = createServer((_req, res) => res.writeHead(404).end())
http.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req))
})
answerStats(() => ({ rooms: docs.size, connections: wss.clients.size }))
http.listen(0, '127.0.0.1', () =>
  announce({ type: 'ready', port: (http.address() as AddressInfo).port, documents: [] }),
)
