// Graceful shutdown of the HTTP server. `server.close()` alone waits for every open connection,
// including one that never sent a request (a browser's preconnect, a load balancer's TCP probe):
// Node's closeIdleConnections() does not count those as idle, so shutdown stalled until the
// deadline. Here every socket is tracked with its requests in flight: on close, sockets serving
// nothing are closed at once, the others after their answer, and whatever is left after the grace
// period is cut.
import type { Server } from 'node:http'
import type { Socket } from 'node:net'

export interface ConnectionTracker {
  /** Stops accepting connections; resolves when all are closed (at most `graceMs` later). */
  close(graceMs: number): Promise<void>
}

export function trackConnections(server: Server): ConnectionTracker {
  const inFlight = new Map<Socket, number>()
  let closing = false

  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0)
    socket.once('close', () => inFlight.delete(socket))
  })
  server.on('request', (req, res) => {
    const socket = req.socket
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1)
    if (closing) res.setHeader('Connection', 'close')
    res.once('close', () => {
      if (!inFlight.has(socket)) return
      const left = Math.max(0, (inFlight.get(socket) ?? 1) - 1)
      inFlight.set(socket, left)
      if (closing && left === 0) socket.end()
    })
  })

  return {
    async close(graceMs) {
      closing = true
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const [socket, requests] of inFlight) if (requests === 0) socket.destroy()
      const cut = setTimeout(() => {
        server.closeAllConnections()
        for (const socket of inFlight.keys()) socket.destroy()
      }, graceMs)
      cut.unref()
      await closed
      clearTimeout(cut)
    },
  }
}
