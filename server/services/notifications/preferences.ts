import {
  type Actor,
  allowedDeliveries,
  checkNotificationPreference,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CATEGORY_LABELS,
  type NotificationDelivery,
  notificationDelivery,
  type UpdateNotificationPreferenceInput,
} from '@pdsa/domain'
import type { Db, DbTx } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { validation } from '../shared.ts'

/** The actor's delivery for every category (their choice or the default), with what they may choose. */
export async function getNotificationPreferences({ db, actor }: { db: DbTx; actor: Actor }) {
  const rows = await db.notificationPreference.findMany({
    where: { userId: actor.userId },
    select: { category: true, delivery: true },
  })
  const chosen = Object.fromEntries(rows.map((r) => [r.category, r.delivery]))
  return NOTIFICATION_CATEGORIES.map((category) => ({
    category,
    ...NOTIFICATION_CATEGORY_LABELS[category],
    delivery: notificationDelivery(category, chosen),
    allowed: [...allowedDeliveries(category)],
  }))
}

/** Sets the actor's delivery for one category; refuses less than daily for what requires a response. */
export async function updateNotificationPreference({
  db,
  actor,
  category,
  delivery,
}: { db: Db; actor: Pick<Actor, 'userId' | 'districtId'> } & UpdateNotificationPreferenceInput) {
  await setDelivery(db, actor, category, delivery, 'notification.preference')
  return { category, delivery }
}

export async function setDelivery(
  db: Db,
  actor: Pick<Actor, 'userId' | 'districtId'>,
  category: UpdateNotificationPreferenceInput['category'],
  delivery: NotificationDelivery,
  action: string,
) {
  const check = checkNotificationPreference(category, delivery)
  if (!check.ok) throw validation('delivery', check.message)
  await db.$transaction(async (tx) => {
    const before = await tx.notificationPreference.findUnique({
      where: { userId_category: { userId: actor.userId, category } },
      select: { delivery: true },
    })
    await tx.notificationPreference.upsert({
      where: { userId_category: { userId: actor.userId, category } },
      create: { userId: actor.userId, category, delivery },
      update: { delivery },
    })
    await recordAudit(tx, actor, {
      action,
      entityType: 'user',
      entityId: actor.userId,
      before: { category, delivery: before?.delivery ?? null },
      after: { category, delivery },
    })
  })
}
