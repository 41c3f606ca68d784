// One-click unsubscribe (RFC 8058): a signed, per-person token in every notification email's
// List-Unsubscribe link, for the email's category or, in a digest, for the digest: a valid token moves
// that category (or every category the digest carries) to in-app only, or to daily for what requires a
// response. Notifications still waiting for an email follow at once. The token needs no session: the
// signature is the authority, so it works from a mail client.
import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  type DigestFrequency,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CATEGORY_LABELS,
  type NotificationCategory,
  notificationDelivery,
  unsubscribedDelivery,
} from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { setDelivery } from './preferences.ts'

const LABEL = 'pdsa-unsubscribe-v1'

/** What one link unsubscribes from: a category, or a digest (every category it carries). */
export type UnsubscribeScope = NotificationCategory | DigestFrequency
const DIGESTS: readonly DigestFrequency[] = ['daily_digest', 'weekly_digest']
const DIGEST_LABELS: Record<DigestFrequency, string> = {
  daily_digest: 'the daily digest',
  weekly_digest: 'the weekly digest',
}
const isScope = (value: string): value is UnsubscribeScope =>
  (NOTIFICATION_CATEGORIES as readonly string[]).includes(value) ||
  (DIGESTS as readonly string[]).includes(value)

function mac(secret: string, payload: string): string {
  return createHmac('sha256', `${LABEL}:${secret}`).update(payload).digest('base64url')
}

/** The token of a person's unsubscribe link for one scope (no expiry: old emails keep working). */
export function signUnsubscribeToken(secret: string, userId: string, scope: UnsubscribeScope): string {
  const payload = `${userId}.${scope}`
  return `${payload}.${mac(secret, payload)}`
}

export function verifyUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; scope: UnsubscribeScope } | null {
  const [userId, scope, signature, ...rest] = token.split('.')
  if (!userId || !scope || !signature || rest.length) return null
  if (!isScope(scope)) return null
  const expected = Buffer.from(mac(secret, `${userId}.${scope}`))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return { userId, scope }
}

export type UnsubscribeOutcome =
  | {
      ok: true
      /** "Mentions", "the daily digest". */
      label: string
      /** Feedback that requires a response stays on the daily digest (it is always at least daily). */
      keepsDaily: boolean
    }
  | { ok: false }

/** The categories a scope covers for this person now, each with the delivery unsubscribing gives it. */
async function plan(db: Db, userId: string, scope: UnsubscribeScope) {
  if (!(DIGESTS as readonly string[]).includes(scope)) {
    const category = scope as NotificationCategory
    const delivery = unsubscribedDelivery(category)
    return {
      label: NOTIFICATION_CATEGORY_LABELS[category].label,
      changes: [{ category, delivery }],
      keepsDaily: delivery === 'daily_digest',
    }
  }
  const rows = await db.notificationPreference.findMany({
    where: { userId },
    select: { category: true, delivery: true },
  })
  const chosen = Object.fromEntries(rows.map((r) => [r.category, r.delivery]))
  const covered = NOTIFICATION_CATEGORIES.filter((c) => notificationDelivery(c, chosen) === scope).map(
    (category) => ({ category, delivery: unsubscribedDelivery(category) }),
  )
  return {
    label: DIGEST_LABELS[scope as DigestFrequency],
    changes: covered.filter((change) => change.delivery !== scope),
    keepsDaily: covered.some((change) => change.delivery === 'daily_digest'),
  }
}

async function activeUser(db: Db, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, districtId: true, deactivatedAt: true },
  })
  return user && !user.deactivatedAt ? user : null
}

/** What the link would do, without doing it (the confirmation page). */
export async function describeUnsubscribe(
  db: Db,
  secret: string,
  token: string,
): Promise<UnsubscribeOutcome> {
  const claim = verifyUnsubscribeToken(secret, token)
  if (!claim || !(await activeUser(db, claim.userId))) return { ok: false }
  const { label, keepsDaily } = await plan(db, claim.userId, claim.scope)
  return { ok: true, label, keepsDaily }
}

/** Applies a valid token (audited as the person's own change); pending emails of those categories follow. */
export async function unsubscribe(db: Db, secret: string, token: string): Promise<UnsubscribeOutcome> {
  const claim = verifyUnsubscribeToken(secret, token)
  const user = claim ? await activeUser(db, claim.userId) : null
  if (!claim || !user) return { ok: false }
  const { label, changes, keepsDaily } = await plan(db, user.id, claim.scope)
  for (const { category, delivery } of changes) {
    await setDelivery(
      db,
      { userId: user.id, districtId: user.districtId },
      category,
      delivery,
      'notification.unsubscribe',
    )
    await db.notification.updateMany({
      where: { recipientId: user.id, category, emailedAt: null, delivery: { not: 'in_app' } },
      data: { delivery },
    })
  }
  return { ok: true, label, keepsDaily }
}
