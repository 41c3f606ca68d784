import type { Actor, ListNotificationsInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

/** The actor's own notifications, newest first, one page at a time, with the unread count. */
export async function listNotifications({
  db,
  actor,
  unreadOnly,
  limit,
  cursor,
}: { db: DbTx; actor: Actor } & ListNotificationsInput) {
  const mine = { recipientId: actor.userId, districtId: actor.districtId }
  const [rows, unreadCount] = await Promise.all([
    db.notification.findMany({
      where: { ...mine, ...(unreadOnly ? { readAt: null } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        category: true,
        title: true,
        body: true,
        link: true,
        readAt: true,
        createdAt: true,
        actor: { select: { name: true } },
      },
    }),
    countUnread(db, actor),
  ])
  const page = rows.slice(0, limit)
  return {
    items: page.map(({ actor: by, ...n }) => ({ ...n, actorName: by?.name ?? null })),
    nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
    unreadCount,
  }
}

export function countUnread(db: DbTx, actor: Actor): Promise<number> {
  return db.notification.count({
    where: { recipientId: actor.userId, districtId: actor.districtId, readAt: null },
  })
}
