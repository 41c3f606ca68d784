// Notifications by email (ADR 030): a job run every minute, and at once after new notifications, on any
// number of instances. It queues (server/email/enqueue-email.ts; the email sender delivers after commit)
//   - one email per notification whose delivery is "email immediately" (key `notification:<id>`);
//   - each person's daily or weekly digest once its local send time has come in the district's time
//     zone, with what was pending before that time (key `digest:<person>:<frequency>:<slot>`).
// Rows are claimed FOR UPDATE SKIP LOCKED and marked `emailedAt` in the transaction that queues their
// email, and the idempotency keys make a second queueing a no-op: two instances, or a run repeated after
// a crash, never send the same email twice.
import { type DigestFrequency, digestSendTime, groupDigest, NOTIFICATION_CATEGORY_LABELS } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { enqueueEmail } from '../../email/enqueue-email.ts'
import { signUnsubscribeToken, type UnsubscribeScope } from './unsubscribe.ts'

export interface NotificationEmailOptions {
  db: Db
  /** PUBLIC_URL: links are absolute. */
  publicUrl: string
  /** Signs the one-click unsubscribe links (the same secret the /unsubscribe routes verify with). */
  unsubscribeSecret: string
  now: Date
  /** Notifications claimed per transaction. */
  batchSize?: number
}

export interface NotificationEmailRun {
  /** Immediate emails queued. */
  immediate: number
  /** Digests queued. */
  digests: number
}

export async function queueNotificationEmails(
  options: NotificationEmailOptions,
): Promise<NotificationEmailRun> {
  return { immediate: await queueImmediateEmails(options), digests: await queueDueDigests(options) }
}

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '')
const unsubscribeUrl = (o: NotificationEmailOptions, userId: string, scope: UnsubscribeScope) =>
  `${base(o.publicUrl)}/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(o.unsubscribeSecret, userId, scope))}`

const recipientSelect = {
  select: { id: true, name: true, email: true, deactivatedAt: true },
} as const

async function queueImmediateEmails(o: NotificationEmailOptions): Promise<number> {
  const batchSize = o.batchSize ?? 50
  let queued = 0
  for (;;) {
    const claimed = await o.db.$transaction(async (tx) => {
      const ids = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Notification"
        WHERE delivery = 'email_immediately' AND "emailedAt" IS NULL AND "createdAt" <= ${o.now}
        ORDER BY "createdAt" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`
      if (ids.length === 0) return 0
      const rows = await tx.notification.findMany({
        where: { id: { in: ids.map((r) => r.id) } },
        include: { recipient: recipientSelect },
      })
      for (const n of rows) {
        // A person deactivated since gets nothing; the row is settled all the same.
        if (n.recipient.deactivatedAt) continue
        const created = await enqueueEmail(tx, {
          districtId: n.districtId,
          to: n.recipient.email,
          template: 'notification',
          props: {
            recipientName: n.recipient.name,
            categoryLabel: NOTIFICATION_CATEGORY_LABELS[n.category].label,
            title: n.title,
            body: n.body,
            url: `${base(o.publicUrl)}${n.link}`,
            createdAt: n.createdAt.toISOString(),
          },
          category: n.category,
          idempotencyKey: `notification:${n.id}`,
          unsubscribeUrl: unsubscribeUrl(o, n.recipientId, n.category),
          publicUrl: o.publicUrl,
          now: o.now,
        })
        if (created.created) queued += 1
      }
      await tx.notification.updateMany({
        where: { id: { in: rows.map((n) => n.id) } },
        data: { emailedAt: o.now },
      })
      return rows.length
    })
    if (claimed < batchSize) return queued
  }
}

async function queueDueDigests(o: NotificationEmailOptions): Promise<number> {
  // Who has something waiting for a digest, in which zone, and since when (one row per person and
  // frequency): only those whose oldest waiting notification predates their last send time go on.
  const waiting = await o.db.$queryRaw<
    { recipientId: string; delivery: DigestFrequency; timeZone: string; oldest: Date }[]
  >`
    SELECT n."recipientId", n.delivery::text AS delivery, d."timeZone", min(n."createdAt") AS oldest
    FROM "Notification" n JOIN "District" d ON d.id = n."districtId"
    WHERE n.delivery IN ('daily_digest', 'weekly_digest') AND n."emailedAt" IS NULL
    GROUP BY n."recipientId", n.delivery, d."timeZone"`
  let queued = 0
  const sendTimes = new Map<string, ReturnType<typeof digestSendTime>>()
  for (const { recipientId, delivery, timeZone, oldest } of waiting) {
    const zoneKey = `${timeZone} ${delivery}`
    const send = sendTimes.get(zoneKey) ?? digestSendTime(o.now, timeZone, delivery)
    sendTimes.set(zoneKey, send)
    if (oldest >= send.at) continue
    const sent = await o.db.$transaction(async (tx) => {
      const ids = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Notification"
        WHERE "recipientId" = ${recipientId}::uuid AND delivery = ${delivery}::"NotificationDelivery"
          AND "emailedAt" IS NULL AND "createdAt" < ${send.at}
        FOR UPDATE SKIP LOCKED`
      if (ids.length === 0) return false
      const rows = await tx.notification.findMany({
        where: { id: { in: ids.map((r) => r.id) } },
        include: { recipient: recipientSelect },
      })
      const recipient = rows[0]?.recipient
      if (!recipient) return false
      if (!recipient.deactivatedAt) {
        const created = await enqueueEmail(tx, {
          districtId: rows[0]?.districtId as string,
          to: recipient.email,
          template: 'notification_digest',
          props: {
            recipientName: recipient.name,
            frequency: delivery === 'daily_digest' ? 'daily' : 'weekly',
            groups: groupDigest(rows).map((group) => ({
              label: group.label,
              items: group.items.map((n) => ({
                title: n.title,
                body: n.body,
                url: `${base(o.publicUrl)}${n.link}`,
                createdAt: n.createdAt.toISOString(),
              })),
            })),
          },
          category: delivery,
          idempotencyKey: `digest:${recipientId}:${delivery}:${send.slot}`,
          unsubscribeUrl: unsubscribeUrl(o, recipientId, delivery),
          publicUrl: o.publicUrl,
          now: o.now,
        })
        // This slot's digest went out already (what is left came in after it): the next slot takes it.
        if (!created.created) return false
      }
      await tx.notification.updateMany({
        where: { id: { in: rows.map((n) => n.id) } },
        data: { emailedAt: o.now },
      })
      return !recipient.deactivatedAt
    })
    if (sent) queued += 1
  }
  return queued
}
