// In-process counters of the collaboration server, read by tests and the benchmark (`server.stats()`).
export interface CollabStats {
  connectionsOpened: number
  connectionsClosed: number
  closedByCode: Record<number, number>
  upgradesRejected: Record<number, number>
  messagesIn: number
  bytesIn: number
  messagesOut: number
  updatesApplied: number
  updatesDroppedReadOnly: number
  updatesDroppedLocked: number
  awarenessDropped: number
  /** Connections closed because they queued more than maxQueuedBytes while over their rate. */
  rateLimited: number
  /** Times a connection over its rate had its socket paused (backpressure instead of a close). */
  throttled: number
  deadConnections: number
  persistBatches: number
  persistRows: number
  persistBytes: number
  persistErrors: number
  acksSent: number
  compactions: number
  redisPublished: number
  redisReceived: number
  antiEntropyRepairs: number
  roomsLoaded: number
  roomsUnloaded: number
}

export function createStats(): CollabStats {
  return {
    connectionsOpened: 0,
    connectionsClosed: 0,
    closedByCode: {},
    upgradesRejected: {},
    messagesIn: 0,
    bytesIn: 0,
    messagesOut: 0,
    updatesApplied: 0,
    updatesDroppedReadOnly: 0,
    updatesDroppedLocked: 0,
    awarenessDropped: 0,
    rateLimited: 0,
    throttled: 0,
    deadConnections: 0,
    persistBatches: 0,
    persistRows: 0,
    persistBytes: 0,
    persistErrors: 0,
    acksSent: 0,
    compactions: 0,
    redisPublished: 0,
    redisReceived: 0,
    antiEntropyRepairs: 0,
    roomsLoaded: 0,
    roomsUnloaded: 0,
  }
}

export function countBy(map: Record<number, number>, key: number): void {
  map[key] = (map[key] ?? 0) + 1
}
