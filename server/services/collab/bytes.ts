/**
 * Prisma's `Bytes` is `Uint8Array<ArrayBuffer>`. Yjs and ws hand out views into larger buffers
 * (`Uint8Array<ArrayBufferLike>`); those are copied so a driver never sees more than the view.
 */
export function toBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole =
    data.buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
  return whole ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data)
}

/** The key of the transaction-level advisory lock that serialises compactions of one document. */
export const compactionLockKey = (cycleId: string) => `ydoc-compact:${cycleId}`
