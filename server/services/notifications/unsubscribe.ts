// One-click unsubscribe (RFC 8058): a signed, per-person-per-category token in every email's
// List-Unsubscribe link; a valid token sets that category to in-app only (or daily, for what requires a
// response). The token needs no session: the signature is the authority, so it works from a mail client.
import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CATEGORY_LABELS,
  type NotificationCategory,
  type NotificationDelivery,
  unsubscribedDelivery,
} from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { setDelivery } from './preferences.ts'

const LABEL = 'pdsa-unsubscribe-v1'

function mac(secret: string, payload: string): string {
  return createHmac('sha256', `${LABEL}:${secret}`).update(payload).digest('base64url')
}

/** The token of a person's unsubscribe link for one category (no expiry: old emails keep working). */
export function signUnsubscribeToken(secret: string, userId: string, category: NotificationCategory): string {
  const payload = `${userId}.${category}`
  return `${payload}.${mac(secret, payload)}`
}

export function verifyUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; category: NotificationCategory } | null {
  const [userId, category, signature, ...rest] = token.split('.')
  if (!userId || !category || !signature || rest.length) return null
  if (!(NOTIFICATION_CATEGORIES as readonly string[]).includes(category)) return null
  const expected = Buffer.from(mac(secret, `${userId}.${category}`))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return { userId, category: category as NotificationCategory }
}

export type UnsubscribeOutcome =
  | { ok: true; category: NotificationCategory; label: string; delivery: NotificationDelivery }
  | { ok: false }

/** What the link would do, without doing it (the confirmation page). */
export async function describeUnsubscribe(
  db: Db,
  secret: string,
  token: string,
): Promise<UnsubscribeOutcome> {
  const claim = verifyUnsubscribeToken(secret, token)
  if (!claim) return { ok: false }
  const user = await db.user.findUnique({ where: { id: claim.userId }, select: { deactivatedAt: true } })
  if (!user || user.deactivatedAt) return { ok: false }
  return {
    ok: true,
    category: claim.category,
    label: NOTIFICATION_CATEGORY_LABELS[claim.category].label,
    delivery: unsubscribedDelivery(claim.category),
  }
}

/** Applies a valid token: the category goes to in-app only (audited as the person's own change). */
export async function unsubscribe(db: Db, secret: string, token: string): Promise<UnsubscribeOutcome> {
  const claim = verifyUnsubscribeToken(secret, token)
  if (!claim) return { ok: false }
  const user = await db.user.findUnique({
    where: { id: claim.userId },
    select: { id: true, districtId: true, deactivatedAt: true },
  })
  if (!user || user.deactivatedAt) return { ok: false }
  const delivery = unsubscribedDelivery(claim.category)
  await setDelivery(
    db,
    { userId: user.id, districtId: user.districtId },
    claim.category,
    delivery,
    'notification.unsubscribe',
  )
  return {
    ok: true,
    category: claim.category,
    label: NOTIFICATION_CATEGORY_LABELS[claim.category].label,
    delivery,
  }
}
