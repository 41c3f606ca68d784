// Notifications: what they are about (categories), how each person wants them delivered, when a digest is
// due in the district's time zone, and which @mentions a text adds. Pure: time is passed in (ADR 030).
import { periodStart, shiftPeriod } from './measures.ts'
import { zoneFormatter } from './time-zone.ts'

export const NOTIFICATION_CATEGORIES = [
  'feedback_requested',
  'feedback_replied',
  'feedback_resolved',
  'mention',
  'cycle_stage',
  'cycle_overdue',
  'data_due',
  'import_finished',
  'school_signal',
] as const
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number]

export const NOTIFICATION_DELIVERIES = [
  'in_app',
  'email_immediately',
  'daily_digest',
  'weekly_digest',
] as const
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number]

export const NOTIFICATION_CATEGORY_LABELS: Record<
  NotificationCategory,
  { label: string; description: string }
> = {
  feedback_requested: {
    label: 'Feedback that requires a response',
    description: 'A coach asks your team to answer, or re-opens feedback your team answered.',
  },
  feedback_replied: {
    label: 'Replies to my feedback',
    description: 'A team answered feedback you asked them to respond to.',
  },
  feedback_resolved: {
    label: 'My team’s answers accepted',
    description: 'The coach accepted your team’s answer.',
  },
  mention: { label: 'Mentions', description: 'Someone wrote @your name in a comment or a worksheet.' },
  cycle_stage: { label: 'Cycle stage changes', description: 'A cycle of your team moved to another stage.' },
  cycle_overdue: {
    label: 'Overdue cycles',
    description: 'A cycle of your team passed its planned end without moving to Study.',
  },
  data_due: {
    label: 'Data due',
    description: 'A measure of an open cycle has had no data for two of its periods.',
  },
  import_finished: { label: 'Imports', description: 'A data import you started finished.' },
  school_signal: {
    label: 'Schools I follow or coach',
    description: 'A new alignment finding, or a cycle verdict that became improved or worsened.',
  },
}

export const NOTIFICATION_DELIVERY_LABELS: Record<NotificationDelivery, string> = {
  in_app: 'In the app only',
  email_immediately: 'Email right away',
  daily_digest: 'Daily email digest',
  weekly_digest: 'Weekly email digest',
}

/** What a person gets until they choose: what they must act on is emailed in the daily digest. */
export const DEFAULT_NOTIFICATION_DELIVERY: Record<NotificationCategory, NotificationDelivery> = {
  feedback_requested: 'daily_digest',
  feedback_replied: 'daily_digest',
  feedback_resolved: 'in_app',
  mention: 'daily_digest',
  cycle_stage: 'in_app',
  cycle_overdue: 'daily_digest',
  data_due: 'weekly_digest',
  import_finished: 'in_app',
  school_signal: 'weekly_digest',
}

/** Categories that must reach people by email at least daily: feedback that requires a response. */
const AT_LEAST_DAILY: ReadonlySet<NotificationCategory> = new Set(['feedback_requested'])

/** The deliveries a person may choose for a category. */
export function allowedDeliveries(category: NotificationCategory): readonly NotificationDelivery[] {
  return AT_LEAST_DAILY.has(category) ? ['email_immediately', 'daily_digest'] : NOTIFICATION_DELIVERIES
}

export type PreferenceCheck = { ok: true } | { ok: false; message: string }

export function checkNotificationPreference(
  category: NotificationCategory,
  delivery: NotificationDelivery,
): PreferenceCheck {
  if (allowedDeliveries(category).includes(delivery)) return { ok: true }
  return {
    ok: false,
    message: `${NOTIFICATION_CATEGORY_LABELS[category].label} always arrive by email at least daily.`,
  }
}

/**
 * The delivery a notification of `category` gets, given the person's stored choices. A stored choice
 * that is no longer allowed (the rule tightened since) falls back to the least intrusive allowed one.
 */
export function notificationDelivery(
  category: NotificationCategory,
  preferences: Partial<Record<NotificationCategory, NotificationDelivery>>,
): NotificationDelivery {
  const chosen = preferences[category] ?? DEFAULT_NOTIFICATION_DELIVERY[category]
  if (checkNotificationPreference(category, chosen).ok) return chosen
  const allowed = allowedDeliveries(category)
  return allowed[allowed.length - 1] as NotificationDelivery
}

/** The delivery an unsubscribe link sets: in-app only, or the least a category may have. */
export function unsubscribedDelivery(category: NotificationCategory): NotificationDelivery {
  return notificationDelivery(category, { [category]: 'in_app' })
}

// ───────────── Digests ─────────────

export type DigestFrequency = 'daily_digest' | 'weekly_digest'

export interface DigestSchedule {
  /** Local hour (0–23) in the district's time zone the digest goes out at. */
  hour: number
  /** Weekly digests: local weekday, 1 = Monday … 7 = Sunday. */
  weekday: number
}

/** Early morning on school days, before the first bell; the weekly one on Monday. */
export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { hour: 7, weekday: 1 }

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }

const localTimeFormat = zoneFormatter('en-US', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
})

/** The local calendar date, hour and weekday of an instant in a time zone. */
export function localTime(now: Date, timeZone: string): { date: string; hour: number; weekday: number } {
  const parts = Object.fromEntries(
    localTimeFormat(timeZone)
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  )
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    weekday: WEEKDAYS[parts.weekday as string] ?? 1,
  }
}

/**
 * The last scheduled send of a digest at or before `now`: its instant (`at`) and its slot, the local date
 * of that send (for weekly digests, the date of the week's send day). Two instants with the same slot
 * belong to the same digest, so the slot doubles as the digest's idempotency key; a digest carries what
 * was pending before `at`, and what arrives later waits for the next send.
 */
export function digestSendTime(
  now: Date,
  timeZone: string,
  frequency: DigestFrequency,
  schedule: DigestSchedule = DEFAULT_DIGEST_SCHEDULE,
): { slot: string; at: Date } {
  const HOUR = 3_600_000
  // Walk back hour by hour (at most 8 days) to the last whole hour whose local hour is the send hour
  // on a send day: exact through daylight-saving changes without date arithmetic in the zone. (Zones
  // with half-hour offsets send at the first whole UTC hour inside the local send hour.)
  const start = Math.floor(now.getTime() / HOUR) * HOUR
  for (let t = start; t > now.getTime() - 8 * 24 * HOUR; t -= HOUR) {
    const local = localTime(new Date(t), timeZone)
    if (local.hour !== schedule.hour) continue
    if (frequency === 'weekly_digest' && local.weekday !== schedule.weekday) continue
    // The first whole hour of that local hour (t may be a later one on the day clocks go back).
    const earlier = localTime(new Date(t - HOUR), timeZone)
    const at = earlier.hour === schedule.hour && earlier.date === local.date ? t - HOUR : t
    return { slot: local.date, at: new Date(at) }
  }
  // A zone that skips the send hour all week (none does): send at the start of the current hour.
  return { slot: localTime(now, timeZone).date, at: new Date(start) }
}

/** The slot of the digest `now` falls in (see digestSendTime). */
export function digestSlot(
  now: Date,
  timeZone: string,
  frequency: DigestFrequency,
  schedule: DigestSchedule = DEFAULT_DIGEST_SCHEDULE,
): string {
  return digestSendTime(now, timeZone, frequency, schedule).slot
}

export interface PendingNotification {
  id: string
  category: NotificationCategory
  createdAt: Date
}

/**
 * One person's pending notifications for one digest, grouped by category in the order of
 * NOTIFICATION_CATEGORIES (what needs a response first), newest first within a category.
 */
export function groupDigest<T extends PendingNotification>(
  pending: readonly T[],
): { category: NotificationCategory; label: string; items: T[] }[] {
  return NOTIFICATION_CATEGORIES.map((category) => ({
    category,
    label: NOTIFICATION_CATEGORY_LABELS[category].label,
    items: pending
      .filter((n) => n.category === category)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
  })).filter((group) => group.items.length > 0)
}

// ───────────── Mentions ─────────────

export interface Mentionable {
  id: string
  name: string
}

/**
 * The people a text mentions: `@` followed by a person's full name (case-insensitive), not inside a
 * word (an email address is no mention). Longest names first, so "@Ana Maria Ruiz" is not "@Ana Maria".
 */
export function findMentions(text: string, people: readonly Mentionable[]): Map<string, number> {
  const counts = new Map<string, number>()
  const sorted = [...people].filter((p) => p.name.trim()).sort((a, b) => b.name.length - a.name.length)
  const lower = text.toLocaleLowerCase('en-US')
  const taken = new Set<number>()
  for (const person of sorted) {
    const needle = `@${person.name.trim().toLocaleLowerCase('en-US')}`
    let at = lower.indexOf(needle)
    while (at !== -1) {
      const before = at === 0 ? '' : (lower[at - 1] as string)
      const after = lower[at + needle.length] ?? ''
      if (!taken.has(at) && !/[\p{L}\p{N}_.]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) {
        taken.add(at)
        counts.set(person.id, (counts.get(person.id) ?? 0) + 1)
      }
      at = lower.indexOf(needle, at + 1)
    }
  }
  return counts
}

/** The people `after` mentions more often than `before` did: only newly added mentions notify. */
export function newMentions(before: string, after: string, people: readonly Mentionable[]): string[] {
  const was = findMentions(before, people)
  const now = findMentions(after, people)
  return [...now].filter(([id, count]) => count > (was.get(id) ?? 0)).map(([id]) => id)
}

// ───────────── Time-based: data due ─────────────

/** Cadences whose missing data is worth a reminder: fixed-length periods longer than a day. */
const DATA_DUE_CADENCES = new Set(['weekly', 'monthly', 'annual'])

/**
 * The two most recent finished periods of a measure linked to an open cycle, when neither has data and
 * both began on or after the period the cycle started in; null otherwise (daily and term measures are
 * not reminded: a weekend is not missing data, and terms have no fixed length). The newer period is the
 * reminder's key: one reminder per measure, cycle and period.
 */
export function dataDuePeriods(args: {
  cadence: 'daily' | 'weekly' | 'monthly' | 'term' | 'annual'
  /** The cycle's actual start (else planned start), YYYY-MM-DD. */
  since: string
  /** Today in the district's time zone, YYYY-MM-DD. */
  today: string
  /** Period starts (YYYY-MM-DD) that have at least one value for the cycle's school. */
  observed: ReadonlySet<string>
}): [string, string] | null {
  if (!DATA_DUE_CADENCES.has(args.cadence)) return null
  const cadence = args.cadence as 'weekly' | 'monthly' | 'annual'
  const current = periodStart(cadence, args.today)
  const newer = shiftPeriod(cadence, current, -1)
  const older = shiftPeriod(cadence, current, -2)
  if (older < periodStart(cadence, args.since)) return null
  if (args.observed.has(newer) || args.observed.has(older)) return null
  return [older, newer]
}
