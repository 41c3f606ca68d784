// The small protocol between the benchmark driver and a server it started (child process + IPC).
export interface ServerReady {
  type: 'ready'
  port: number
  /** Documents the clients may open (OURS with the database: cycle ids); empty: any name. */
  documents: string[]
  /** Cookie and Origin the clients must send (OURS with the database). */
  cookie?: string
  origin?: string
}

export interface ServerStats {
  type: 'stats'
  heapUsed: number
  external: number
  arrayBuffers: number
  rss: number
  rooms: number
  connections: number
}

/** Answers the driver's `stats` request after a full garbage collection (run with --expose-gc). */
export function answerStats(counts: () => { rooms: number; connections: number }) {
  process.on('message', (message: { type?: string }) => {
    if (message?.type !== 'stats') return
    const gc = (globalThis as { gc?: () => void }).gc
    gc?.()
    gc?.()
    const m = process.memoryUsage()
    const reply: ServerStats = {
      type: 'stats',
      heapUsed: m.heapUsed,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
      rss: m.rss,
      ...counts(),
    }
    process.send?.(reply)
  })
}

export function announce(ready: ServerReady) {
  process.send?.(ready)
}
