import type { DbTx } from '../../db/client.ts'

/**
 * A text that changes whenever any input of the derived figures changes: the district's data version,
 * which triggers move on every write to those inputs (prisma/schema.prisma, DistrictDataVersion). One
 * primary-key lookup, however much data the district has.
 */
export async function readDistrictDataVersion(db: DbTx, districtId: string): Promise<string> {
  const row = await db.districtDataVersion.findUnique({ where: { districtId }, select: { version: true } })
  return String(row?.version ?? 0n)
}
