import type { Db } from '../../db/client.ts'
import { toBytes } from './bytes.ts'

export interface DocumentUpdateRow {
  cycleId: string
  data: Uint8Array
  userId: string | null
}

/**
 * Group commit: every update the collaboration server received in the last few milliseconds, in one
 * multi-row INSERT. Resolves after COMMIT, which is when the server may tell clients "saved".
 */
export async function appendDocumentUpdates({
  db,
  rows,
  instanceId,
}: {
  db: Db
  rows: readonly DocumentUpdateRow[]
  instanceId: string
}): Promise<void> {
  if (rows.length === 0) return
  await db.yUpdate.createMany({
    data: rows.map((r) => ({
      cycleId: r.cycleId,
      data: toBytes(r.data),
      byteSize: r.data.byteLength,
      userId: r.userId,
      instanceId,
    })),
  })
}
