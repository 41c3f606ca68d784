// Live notification signals: "this person has something new". Every instance keeps the browsers connected
// to it (server-sent events, stream.ts); a write on any instance reaches them through Redis pub/sub when
// REDIS_URL is set, in-process otherwise. Only user ids travel: browsers re-read their notifications
// through the API, so nothing private crosses Redis and a lost message costs only freshness (ADR 030).
import type { Redis as RedisClient } from 'ioredis'

export type NotificationListener = () => void

export interface NotificationHub {
  /** Signals these people on every instance (called after the write committed). */
  publish(userIds: readonly string[]): void
  /** Listens for one person's signals on this instance; returns the unsubscribe function. */
  subscribe(userId: string, listener: NotificationListener): () => void
  /** Browsers connected to this instance (metrics, tests). */
  listenerCount(): number
  close(): Promise<void>
}

class LocalListeners {
  private readonly byUser = new Map<string, Set<NotificationListener>>()

  add(userId: string, listener: NotificationListener): () => void {
    let set = this.byUser.get(userId)
    if (!set) {
      set = new Set()
      this.byUser.set(userId, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.byUser.delete(userId)
    }
  }

  signal(userIds: readonly string[]): void {
    for (const id of userIds) for (const listener of this.byUser.get(id) ?? []) listener()
  }

  count(): number {
    let n = 0
    for (const set of this.byUser.values()) n += set.size
    return n
  }
}

/** One process: a signal reaches the listeners of this process only. */
export function createInProcessNotificationHub(): NotificationHub {
  const local = new LocalListeners()
  return {
    publish: (userIds) => local.signal(userIds),
    subscribe: (userId, listener) => local.add(userId, listener),
    listenerCount: () => local.count(),
    close: async () => {},
  }
}

const UUID = /^[0-9a-f-]{36}$/i

/** Several instances: one Redis channel (`<prefix>notifications`) carries the ids, JSON-encoded. */
export async function createRedisNotificationHub(options: {
  url: string
  prefix: string
  log?: (message: string, error?: unknown) => void
}): Promise<NotificationHub> {
  const { Redis } = await import('ioredis')
  const channel = `${options.prefix}notifications`
  const pub: RedisClient = new Redis(options.url, { maxRetriesPerRequest: 1, connectionName: 'notify-pub' })
  const sub: RedisClient = new Redis(options.url, { connectionName: 'notify-sub' })
  for (const client of [pub, sub])
    client.on('error', (error) => options.log?.('notification Redis error', error))
  const local = new LocalListeners()
  sub.on('message', (from, message) => {
    if (from !== channel) return
    try {
      const ids = JSON.parse(message) as unknown
      if (Array.isArray(ids))
        local.signal(ids.filter((id): id is string => typeof id === 'string' && UUID.test(id)))
    } catch {
      options.log?.('notification Redis message is not JSON')
    }
  })
  await sub.subscribe(channel)
  return {
    publish(userIds) {
      if (userIds.length === 0) return
      pub.publish(channel, JSON.stringify(userIds)).catch((error) => {
        // Redis away: still reach the browsers on this instance.
        options.log?.('notification publish failed', error)
        local.signal(userIds)
      })
    },
    subscribe: (userId, listener) => local.add(userId, listener),
    listenerCount: () => local.count(),
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()])
    },
  }
}
