import type { Actor } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { requireEditableDriver, toDriverDto } from './require-driver.ts'

/**
 * Delete a driver with its secondary drivers. Change ideas stay (only their links to these drivers go);
 * cycles stay too and no longer name these drivers as targets.
 */
export async function deleteDriver({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const { driver } = await requireEditableDriver(db, actor, id)
  return db.$transaction(async (tx) => {
    const children = await tx.driverNode.findMany({ where: { parentId: id } })
    const ids = [id, ...children.map((c) => c.id)]
    const ideaLinks = await tx.changeIdeaDriver.findMany({ where: { driverId: { in: ids } } })
    const cycleLinks = await tx.cycleDriver.findMany({ where: { driverId: { in: ids } } })
    await tx.driverNode.deleteMany({ where: { id: { in: ids } } })
    await recordAudit(tx, actor, {
      action: 'driver.delete',
      entityType: 'driver_node',
      entityId: id,
      before: {
        ...toDriverDto(driver),
        secondaryDrivers: children.map(toDriverDto),
        changeIdeaLinks: ideaLinks,
        cycleLinks,
      },
    })
    return {
      id,
      goalId: driver.goalId,
      deletedDriverIds: ids,
      unlinkedChangeIdeaIds: [...new Set(ideaLinks.map((l) => l.changeIdeaId))],
    }
  })
}
