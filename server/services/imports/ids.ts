// Ids for rows written with set-based SQL (Prisma's @default(uuid(7)) only applies to its own inserts):
// UUID version 7, a 48-bit millisecond timestamp then random bits, so they sort by creation like the rest.
import { randomBytes } from 'node:crypto'

/** `count` UUIDv7 strings sharing the timestamp `ms` (their random parts differ). */
export function uuidV7Batch(count: number, ms: number = Date.now()): string[] {
  const random = randomBytes(count * 10)
  const time = ms.toString(16).padStart(12, '0').slice(-12)
  const ids = new Array<string>(count)
  for (let i = 0; i < count; i++) {
    const r = random.subarray(i * 10, i * 10 + 10)
    const hex = r.toString('hex')
    const version = `7${hex.slice(0, 3)}`
    const variant = (((r[2] as number) & 0x3f) | 0x80).toString(16).padStart(2, '0') + hex.slice(6, 8)
    ids[i] = `${time.slice(0, 8)}-${time.slice(8, 12)}-${version}-${variant}-${hex.slice(8, 20)}`
  }
  return ids
}
