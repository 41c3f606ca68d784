import { type Actor, notFound } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'

/**
 * Marks the actor's own notifications read: the given ones, or all. An id that is not one of the actor's
 * own is NOT_FOUND (whether it is someone else's or does not exist), and nothing changes. Returns the
 * unread count left.
 */
export async function markNotificationsRead({
  db,
  actor,
  now,
  ids,
}: {
  db: Db
  actor: Actor
  now: Date
  /** null: every unread notification. */
  ids: readonly string[] | null
}) {
  const mine = { recipientId: actor.userId, districtId: actor.districtId }
  return db.$transaction(async (tx) => {
    if (ids) {
      const owned = await tx.notification.count({ where: { ...mine, id: { in: [...ids] } } })
      if (owned !== new Set(ids).size) throw notFound('Notification')
    }
    const { count } = await tx.notification.updateMany({
      where: { ...mine, readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
      data: { readAt: now },
    })
    const unreadCount = await tx.notification.count({ where: { ...mine, readAt: null } })
    return { marked: count, unreadCount }
  })
}
