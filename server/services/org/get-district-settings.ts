import { type Actor, canAdministerDistrict, canLeadDistrict } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { assertAllowed } from '../shared.ts'

const settingsSelect = {
  id: true,
  name: true,
  slug: true,
  suppressionThreshold: true,
  schoolYearStart: true,
  timeZone: true,
  updatedAt: true,
} as const

/** The district's name, privacy threshold, school-year start and time zone (district leaders and admins). */
export async function getDistrictSettings({ db, actor }: { db: DbTx; actor: Actor }) {
  assertAllowed(canLeadDistrict(actor), 'Only district leaders and admins can see the district settings.')
  const district = await db.district.findUniqueOrThrow({
    where: { id: actor.districtId },
    select: settingsSelect,
  })
  return { ...district, canEdit: canAdministerDistrict(actor) }
}
