import type { Db } from '../../db/client.ts'

/** Links dead for 30 days are of no use, not even to explain a refusal: the daily job removes them. */
export async function deleteStaleAccountTokens({ db, now }: { db: Db; now: Date }) {
  const before = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000)
  const { count } = await db.authToken.deleteMany({ where: { expiresAt: { lt: before } } })
  return { deleted: count }
}
