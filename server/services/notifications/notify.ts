// Creating notifications: the one place that decides who among the proposed recipients gets one.
// Never the actor; only active people of the same district who may open the target; at most once per
// person and event (`dedupeKey`, unique with the recipient). The delivery follows each person's
// preferences at this moment (ADR 030).
import {
  type Actor,
  type NotificationCategory,
  type NotificationDelivery,
  notificationDelivery,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

export interface NotificationDraft {
  districtId: string
  category: NotificationCategory
  /** Names the event; the same event never notifies the same person twice. */
  dedupeKey: string
  title: string
  body?: string
  /** App path of the exact place: the comment anchor, the cycle section, the finding. */
  link: string
  /** Who caused it (never notified); null for time-based notifications. */
  actorId: string | null
  recipientIds: readonly string[]
  /** Whether a recipient may open the target (packages/domain/src/access.ts). */
  canOpen: (recipient: Actor) => boolean
  createdAt: Date
}

/** Called after the write committed with the people who got a new notification (live updates). */
export type OnNotified = (recipientIds: string[]) => void

const TITLE_MAX = 300
const BODY_MAX = 1000
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** Writes the notifications of one event; returns who got a new one (not those who had it already). */
export async function notify(db: DbTx, draft: NotificationDraft): Promise<string[]> {
  const proposed = [...new Set(draft.recipientIds)].filter((id) => id !== draft.actorId)
  if (proposed.length === 0) return []
  const users = await db.user.findMany({
    where: { id: { in: proposed }, districtId: draft.districtId, deactivatedAt: null },
    select: {
      id: true,
      districtId: true,
      name: true,
      email: true,
      memberships: { select: { role: true, schoolId: true, teamId: true } },
      notificationPreferences: { select: { category: true, delivery: true } },
    },
  })
  const allowed = users.filter((u) =>
    draft.canOpen({
      userId: u.id,
      districtId: u.districtId,
      name: u.name,
      email: u.email,
      grants: u.memberships,
    }),
  )
  if (allowed.length === 0) return []
  const created = await db.notification.createManyAndReturn({
    data: allowed.map((u) => ({
      districtId: draft.districtId,
      recipientId: u.id,
      actorId: draft.actorId,
      category: draft.category,
      dedupeKey: draft.dedupeKey,
      title: clip(draft.title, TITLE_MAX),
      body: clip(draft.body ?? '', BODY_MAX),
      link: draft.link,
      delivery: deliveryFor(draft.category, u.notificationPreferences),
      createdAt: draft.createdAt,
    })),
    skipDuplicates: true,
    select: { recipientId: true },
  })
  return created.map((n) => n.recipientId)
}

function deliveryFor(
  category: NotificationCategory,
  rows: { category: NotificationCategory; delivery: NotificationDelivery }[],
): NotificationDelivery {
  return notificationDelivery(category, Object.fromEntries(rows.map((r) => [r.category, r.delivery])))
}

/** A short quote of a text for a notification's body. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
