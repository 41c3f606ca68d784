// The scenarios, each bounded in time. Latency = receipt on a reader − the *scheduled* send time of the
// keystroke (open-loop writers, so a slow server cannot hide behind a slower send rate). All clients
// live in this process, so one monotonic clock serves both ends.
import * as Y from 'yjs'
import { type BenchClient, connectClient, type Target, worksheetUpdate, writerText } from './clients.ts'

export interface LatencyResult {
  p50: number
  p99: number
  samples: number
  /** Keystroke deliveries that never arrived (within the grace period after the run). */
  missing: number
  /** Keystrokes written per second, all writers together. */
  updatesPerSecond: number
}

const now = () => performance.now()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

async function connectAll(target: Target, names: string[], batch = 25): Promise<BenchClient[]> {
  const clients: BenchClient[] = []
  for (let i = 0; i < names.length; i += batch) {
    const group = names.slice(i, i + batch).map((n) => connectClient(target, n))
    await withTimeout(Promise.all(group.map((c) => c.synced)), 30_000, 'clients did not sync')
    clients.push(...group)
  }
  return clients
}

async function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      p,
      new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))),
    ])
  } finally {
    clearTimeout(timer)
  }
}

interface Room {
  clients: BenchClient[]
  /** Index (in clients) of each writer; writer w types into its own section text. */
  writers: number[]
}

/**
 * Writers type into their own text at `ratePerWriter` keystrokes/s for `durationMs`; every other client
 * of the room records when each keystroke arrives.
 */
async function typeAndMeasure(
  rooms: Room[],
  ratePerWriter: number,
  durationMs: number,
): Promise<LatencyResult> {
  const samples: number[] = []
  let expected = 0
  let received = 0
  const sentAt = new Map<string, number[]>() // `${room}:${writer}` → scheduled times by keystroke index
  const cleanups: (() => void)[] = []
  // Prepare every writer's text everywhere first (not measured).
  for (const room of rooms)
    for (const [w, ci] of room.writers.entries()) writerText((room.clients[ci] as BenchClient).doc, w, true)
  await withTimeout(
    (async () => {
      while (
        !rooms.every((room) => room.clients.every((c) => room.writers.every((_, w) => writerText(c.doc, w))))
      ) {
        await sleep(20)
      }
    })(),
    30_000,
    'writer texts did not propagate',
  )
  const textOf = (doc: Y.Doc, w: number) => writerText(doc, w) as Y.XmlText
  for (const [r, room] of rooms.entries()) {
    for (const [w, writerIndex] of room.writers.entries()) {
      const key = `${r}:${w}`
      sentAt.set(key, [])
      const base = textOf((room.clients[writerIndex] as BenchClient).doc, w).length
      for (const [ci, client] of room.clients.entries()) {
        if (ci === writerIndex) continue
        const text = textOf(client.doc, w)
        let seen = text.length - base
        const observer = () => {
          const t = now()
          const times = sentAt.get(key) as number[]
          const length = text.length - base
          while (seen < length) {
            const sent = times[seen]
            if (sent !== undefined) samples.push(t - sent)
            seen++
            received++
          }
        }
        text.observe(observer)
        cleanups.push(() => text.unobserve(observer))
      }
    }
  }
  const interval = 1000 / ratePerWriter
  const writers = rooms.flatMap((room, r) =>
    room.writers.map((ci, w) => ({
      text: textOf((room.clients[ci] as BenchClient).doc, w),
      times: sentAt.get(`${r}:${w}`) as number[],
      readers: room.clients.length - 1,
      next: 0,
    })),
  )
  const start = now() + 50
  writers.forEach((writer, i) => {
    writer.next = start + (interval * i) / writers.length // spread writers over one interval
  })
  const end = start + durationMs
  let written = 0
  while (now() < end) {
    const t = now()
    for (const writer of writers) {
      while (writer.next <= t && writer.next < end) {
        writer.times.push(writer.next)
        writer.text.insert(writer.text.length, 'x')
        expected += writer.readers
        written++
        writer.next += interval
      }
    }
    await sleep(1)
  }
  const grace = now() + 3_000
  while (received < expected && now() < grace) await sleep(20)
  for (const c of cleanups) c()
  samples.sort((a, b) => a - b)
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    samples: samples.length,
    missing: expected - received,
    updatesPerSecond: written / (durationMs / 1000),
  }
}

/** S1: one document, `n` clients, min(n, 5) writers at 5 keystrokes/s each. */
export async function fanOut(target: Target, docName: string, n: number, durationMs: number) {
  const clients = await connectAll(
    target,
    Array.from({ length: n }, () => docName),
  )
  try {
    await sleep(300)
    const writers = Array.from({ length: Math.min(n, 5) }, (_, i) => i)
    return await typeAndMeasure([{ clients, writers }], 5, durationMs)
  } finally {
    for (const c of clients) c.destroy()
  }
}

/** S2: `m` documents × 2 clients; one writer per document at 2 keystrokes/s. */
export async function manyDocuments(target: Target, docNames: string[], durationMs: number) {
  const names = docNames.flatMap((d) => [d, d])
  const clients = await connectAll(target, names, 50)
  try {
    await sleep(300)
    const rooms: Room[] = docNames.map((_, i) => ({
      clients: [clients[2 * i], clients[2 * i + 1]] as BenchClient[],
      writers: [0],
    }))
    return await typeAndMeasure(rooms, 2, durationMs)
  } finally {
    for (const c of clients) c.destroy()
  }
}

/** Sustained throughput: one document, 2 writers and 2 readers; the offered rate doubles per step. */
export async function sustainedRate(target: Target, docName: string, stepMs: number) {
  const clients = await connectAll(target, [docName, docName, docName, docName])
  const steps: { offered: number; result: LatencyResult }[] = []
  try {
    for (const offered of [500, 1000, 2000, 4000, 8000, 16000]) {
      const result = await typeAndMeasure([{ clients, writers: [0, 1] }], offered / 2, stepMs)
      steps.push({ offered, result })
      if (result.p99 > 250 || result.missing > 0) break
    }
  } finally {
    for (const c of clients) c.destroy()
  }
  const ok = steps.filter((s) => s.result.p99 < 100 && s.result.missing === 0)
  return { sustained: ok.length ? Math.max(...ok.map((s) => s.offered)) : 0, steps }
}

export interface MemorySample {
  heap: number
  rss: number
}

/**
 * Memory: `m` documents, each holding a ~3 KB worksheet and one idle client, against the server's
 * baseline; and `m` idle clients on one document, to separate the cost of a connection.
 */
export async function memory(
  target: Target,
  docNames: string[],
  connectionDoc: string,
  measure: () => Promise<MemorySample>,
) {
  const baseline = await measure()
  const clients = await connectAll(target, docNames, 50)
  clients.forEach((c, i) => {
    Y.applyUpdate(c.doc, worksheetUpdate(i))
  })
  await sleep(2_000)
  const loaded = await measure()
  for (const c of clients) c.destroy()
  await sleep(1_000)
  const base2 = await measure()
  const conns = await connectAll(
    target,
    docNames.map(() => connectionDoc),
    50,
  )
  await sleep(1_000)
  const connected = await measure()
  for (const c of conns) c.destroy()
  const m = docNames.length
  return {
    perDocumentHeap: (loaded.heap - baseline.heap) / m,
    perDocumentRss: (loaded.rss - baseline.rss) / m,
    perConnectionHeap: (connected.heap - base2.heap) / m,
    perConnectionRss: (connected.rss - base2.rss) / m,
  }
}
