import type { Actor, UpdateDistrictSettingsInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { assertAdmin } from './admin.ts'
import { getDistrictSettings } from './get-district-settings.ts'

export async function updateDistrictSettings({
  db,
  actor,
  ...patch
}: { db: Db; actor: Actor } & UpdateDistrictSettingsInput) {
  assertAdmin(actor, 'change the district settings')
  await db.$transaction(async (tx) => {
    const district = await tx.district.findUniqueOrThrow({ where: { id: actor.districtId } })
    const { before, after, changed } = changedFields(district as unknown as Record<string, unknown>, patch)
    if (!changed) return
    await tx.district.update({ where: { id: actor.districtId }, data: patch })
    await recordAudit(tx, actor, {
      action: 'district.update',
      entityType: 'district',
      entityId: district.id,
      before,
      after,
    })
  })
  return getDistrictSettings({ db, actor })
}
