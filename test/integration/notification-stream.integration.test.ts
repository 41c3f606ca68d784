// Live notifications across instances: a browser connected to instance B hears of a notification written
// on instance A over the server-sent event stream, through Redis pub/sub (REDIS_URL) or in-process. Also
// measures the delay from publish to the event (ADR 030 records the figure).
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, describe, expect, it } from 'vitest'
import {
  createInProcessNotificationHub,
  createRedisNotificationHub,
  type NotificationHub,
} from '../../server/notifications/hub.ts'
import { notificationStreamHandler } from '../../server/notifications/stream.ts'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const closers: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const close of closers.reverse()) await close()
})

/** An instance's stream endpoint; the session is stood in for by a header (the app resolves the cookie). */
async function startInstance(hub: NotificationHub): Promise<string> {
  const app = express()
  const stream = notificationStreamHandler({
    hub,
    userIdFor: async (req) => (typeof req.headers['x-user'] === 'string' ? req.headers['x-user'] : null),
    heartbeatMs: 1000,
  })
  app.get('/api/notifications/stream', stream)
  const server: Server = createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(async () => {
    stream.closeAll()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/notifications/stream`
}

/** Reads the stream until `count` notification events arrived; resolves with their arrival times. */
async function listen(url: string, userId: string) {
  const controller = new AbortController()
  const response = await fetch(url, { headers: { 'x-user': userId }, signal: controller.signal })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('text/event-stream')
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  const arrivals: number[] = []
  let buffer = ''
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += decoder.decode(value, { stream: true })
        let end = buffer.indexOf('\n\n')
        while (end !== -1) {
          if (buffer.slice(0, end).includes('event: notification')) arrivals.push(performance.now())
          buffer = buffer.slice(end + 2)
          end = buffer.indexOf('\n\n')
        }
      }
    } catch {
      // aborted
    }
  })()
  closers.push(async () => {
    controller.abort()
    await pump
  })
  return { arrivals, close: () => controller.abort() }
}

async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

async function measure(publisher: NotificationHub, url: string, subscriberHub: NotificationHub) {
  const me = randomUUID()
  const someoneElse = randomUUID()
  const mine = await listen(url, me)
  const theirs = await listen(url, someoneElse)
  await waitFor(() => subscriberHub.listenerCount() >= 2)
  const delays: number[] = []
  for (let i = 0; i < 20; i++) {
    const sent = performance.now()
    publisher.publish([me])
    await waitFor(() => mine.arrivals.length === i + 1)
    delays.push((mine.arrivals[i] as number) - sent)
  }
  // Only the person notified hears of it.
  expect(theirs.arrivals).toEqual([])
  delays.sort((a, b) => a - b)
  return { median: delays[10] as number, max: delays[19] as number }
}

describe('notification stream', () => {
  it('refuses a signed-out request', async () => {
    const url = await startInstance(createInProcessNotificationHub())
    expect((await fetch(url)).status).toBe(401)
  })

  it('in-process: the signal reaches the person’s open streams only', async () => {
    const hub = createInProcessNotificationHub()
    const url = await startInstance(hub)
    const { median } = await measure(hub, url, hub)
    console.info(`notification stream, in-process: median ${median.toFixed(1)} ms`)
    expect(median).toBeLessThan(1000)
  })

  it('two instances over Redis: a write on A reaches a browser on B; closing a stream unsubscribes', async () => {
    const prefix = `test-notify-${randomUUID().slice(0, 8)}:`
    const a = await createRedisNotificationHub({ url: REDIS_URL, prefix })
    const b = await createRedisNotificationHub({ url: REDIS_URL, prefix })
    closers.push(
      () => a.close(),
      () => b.close(),
    )
    const urlB = await startInstance(b)
    const { median, max } = await measure(a, urlB, b)
    console.info(`notification stream, Redis A → B: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms`)
    expect(median).toBeLessThan(1000)

    const user = randomUUID()
    const stream = await listen(urlB, user)
    await waitFor(() => b.listenerCount() === 3)
    stream.close()
    await waitFor(() => b.listenerCount() === 2)
  })
})
