// GET /api/notifications/stream: a server-sent event stream of "you have something new" signals for the
// signed-in person (same-origin EventSource: allowed by the CSP's connect-src 'self'). The browser then
// re-reads its unread count and list over tRPC. A comment line every 25 s keeps proxies from timing out.
import type { Request, Response } from 'express'
import type { NotificationHub } from './hub.ts'

export interface NotificationStreamOptions {
  hub: NotificationHub
  /** The signed-in user of the request (session cookie), or null. */
  userIdFor(req: Request): Promise<string | null>
  heartbeatMs?: number
}

export function notificationStreamHandler(options: NotificationStreamOptions) {
  const open = new Set<Response>()
  const handler = async (req: Request, res: Response) => {
    const userId = await options.userIdFor(req)
    if (!userId) {
      res.status(401).type('text/plain').send('Sign in first.')
      return
    }
    res.status(200)
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8')
    res.setHeader('Cache-Control', 'private, no-store, no-transform')
    res.setHeader('X-Accel-Buffering', 'no')
    res.flushHeaders()
    // Reconnect after 5 s if the connection drops (a deploy, a proxy timeout).
    res.write('retry: 5000\n\n')
    let seq = 0
    const send = () => res.write(`event: notification\nid: ${++seq}\ndata: {}\n\n`)
    const unsubscribe = options.hub.subscribe(userId, send)
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), options.heartbeatMs ?? 25_000)
    open.add(res)
    req.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
      open.delete(res)
    })
  }
  return Object.assign(handler, {
    /** Ends every open stream (shutdown): browsers reconnect to another instance. */
    closeAll() {
      for (const res of open) res.end()
    },
  })
}
