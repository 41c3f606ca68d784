// The demo district's history of notifications, made by the product's own rules from the seeded history:
// the feedback threads (asked → the team, answered → the coach, accepted → the team), recent stage
// changes, and the time-based and school scans as of today. The district leader follows the schools the
// seeded misalignments are at. Older ones are read; the last few days' are unread, for every role.
import type { Actor } from '@pdsa/domain'
import type { Db } from '../../server/db/client.ts'
import { loadActor } from '../../server/services/actor.ts'
import { createComment } from '../../server/services/comments/create-comment.ts'
import {
  notifyCommentCreated,
  notifyFeedbackTransition,
} from '../../server/services/notifications/comment-notifications.ts'
import { queueNotificationEmails } from '../../server/services/notifications/notification-emails.ts'
import { scanDueNotifications } from '../../server/services/notifications/scan-due-notifications.ts'
import {
  scanSchoolSignals,
  watchSchoolSignalsFromScratch,
} from '../../server/services/notifications/scan-school-signals.ts'
import { notifyCycleStageChanged } from '../../server/services/notifications/work-notifications.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** How many of each person's newest notifications are still unread. */
const UNREAD_PER_PERSON = 3

export async function seedDemoNotifications(
  db: Db,
  {
    districtId,
    now,
    leaderEmail,
    immediateEmail,
    email,
  }: {
    districtId: string
    now: Date
    leaderEmail: string
    /** The team lead, who chose to be emailed at once about feedback that requires a response. */
    immediateEmail: string
    /** For the emails of the last week (publicUrl, and the secret the server signs unsubscribe links with). */
    email: { publicUrl: string; unsubscribeSecret: string }
  },
): Promise<{ notifications: number; emails: number }> {
  // Two people changed their defaults: the team lead wants feedback that requires a response at once,
  // the district leader the signals of the schools she follows every morning rather than weekly.
  const chosen = [
    { address: immediateEmail, category: 'feedback_requested', delivery: 'email_immediately' },
    { address: leaderEmail, category: 'school_signal', delivery: 'daily_digest' },
  ] as const
  for (const { address, category, delivery } of chosen) {
    const user = await db.user.findFirst({ where: { districtId, email: address }, select: { id: true } })
    if (user) {
      await db.notificationPreference.create({
        data: { userId: user.id, category, delivery },
      })
    }
  }
  const actors = new Map<string, Actor | null>()
  const actorOf = async (userId: string) => {
    if (!actors.has(userId)) actors.set(userId, await loadActor(db, userId))
    return actors.get(userId) ?? null
  }

  const comments = await db.comment.findMany({
    where: { districtId },
    orderBy: { createdAt: 'asc' },
    include: { parent: { select: { id: true, authorId: true, requiresResponse: true } } },
  })
  for (const comment of comments) {
    const actor = await actorOf(comment.authorId)
    if (!actor) continue
    const answered =
      comment.parent?.requiresResponse && comment.parent.authorId !== comment.authorId ? comment.parent : null
    await db.$transaction((tx) =>
      notifyCommentCreated(tx, { actor, comment, answered, now: comment.createdAt }),
    )
    if (!comment.parentId && comment.feedbackState === 'accepted' && comment.resolvedAt) {
      await db.$transaction((tx) =>
        notifyFeedbackTransition(tx, { actor, comment, to: 'accepted', now: comment.resolvedAt as Date }),
      )
    }
  }

  // Stage changes of the last three weeks, by the cycle's owner.
  const moved = await db.pdsaCycle.findMany({
    where: {
      districtId,
      stage: { not: 'plan' },
      stageChangedAt: { gte: new Date(now.getTime() - 21 * DAY) },
    },
    select: { id: true, stage: true, ownerId: true, stageChangedAt: true },
  })
  const order = ['plan', 'do', 'study', 'act', 'complete'] as const
  for (const cycle of moved) {
    const actor = cycle.ownerId ? await actorOf(cycle.ownerId) : null
    if (!actor) continue
    const from = order[order.indexOf(cycle.stage) - 1] ?? 'plan'
    await db.$transaction((tx) =>
      notifyCycleStageChanged(tx, {
        actor,
        cycleId: cycle.id,
        from,
        to: cycle.stage,
        snapshotId: `seed-${cycle.id}`,
        now: cycle.stageChangedAt,
      }),
    )
  }

  // The district leader and the admin follow every school (the leader's job is the whole district); then
  // the scans, as the recurring job runs them.
  const schools = await db.school.findMany({ where: { districtId }, select: { id: true } })
  const followers = await db.user.findMany({
    where: {
      districtId,
      OR: [{ email: leaderEmail }, { memberships: { some: { role: 'admin', schoolId: null } } }],
    },
    select: { id: true },
  })
  await db.schoolFollow.createMany({
    data: followers.flatMap((f) => schools.map((s) => ({ districtId, userId: f.id, schoolId: s.id }))),
    skipDuplicates: true,
  })
  await scanDueNotifications({ db, now: new Date(now.getTime() - 2 * DAY) })
  // The district's findings appeared after it began to be watched (it is seeded from its first day).
  await watchSchoolSignalsFromScratch(db, districtId, new Date(now.getTime() - 30 * DAY))
  await scanSchoolSignals({ db, now: new Date(now.getTime() - 3 * DAY) })
  await mentionTheBoard(db, districtId, leaderEmail, new Date(now.getTime() - DAY))

  // Each person's newest few stay unread (and anything of the last day); the rest was read.
  const recipients = await db.notification.groupBy({ by: ['recipientId'], where: { districtId } })
  for (const { recipientId } of recipients) {
    const newest = await db.notification.findMany({
      where: { recipientId },
      orderBy: { createdAt: 'desc' },
      take: UNREAD_PER_PERSON,
      select: { id: true },
    })
    await db.notification.updateMany({
      where: {
        recipientId,
        id: { notIn: newest.map((n) => n.id) },
        createdAt: { lt: new Date(now.getTime() - DAY) },
      },
      data: { readAt: now },
    })
  }
  // Email, as the job sends it: what is older than a week went out long ago; the last week is replayed
  // at two minutes past each hour (immediate emails, and the daily and weekly digests just after 07:00
  // local), then once more now, so the Outbox holds a week of each person's notification emails.
  const weekAgo = new Date(now.getTime() - 7 * DAY)
  await db.$executeRaw`
    UPDATE "Notification" SET "emailedAt" = "createdAt"
    WHERE "districtId" = ${districtId}::uuid AND delivery <> 'in_app' AND "createdAt" < ${weekAgo}`
  const runs: Date[] = []
  for (let t = Math.ceil(weekAgo.getTime() / HOUR) * HOUR + 2 * 60_000; t < now.getTime(); t += HOUR)
    runs.push(new Date(t))
  let emails = 0
  for (const at of [...runs, now]) {
    const run = await queueNotificationEmails({ db, ...email, now: at })
    emails += run.immediate + run.digests
  }
  return {
    notifications: await db.notification.count({ where: { districtId } }),
    emails,
  }
}

/**
 * The district leader asks the board trustee (a viewer) to look at a goal before the board meeting: an
 * @mention written through the product's own comment service.
 */
async function mentionTheBoard(db: Db, districtId: string, leaderEmail: string, at: Date) {
  const leader = await db.user.findFirst({ where: { districtId, email: leaderEmail }, select: { id: true } })
  const trustee = await db.user.findFirst({
    where: { districtId, memberships: { some: { role: 'viewer', schoolId: null } } },
    select: { name: true },
  })
  const goal = await db.equityGoal.findFirst({
    where: { districtId, teamId: { not: null } },
    orderBy: { title: 'asc' },
    select: { id: true },
  })
  const actor = leader ? await loadActor(db, leader.id) : null
  if (!actor || !trustee || !goal) return
  await createComment({
    db,
    actor,
    now: at,
    goalId: goal.id,
    cycleId: null,
    parentId: null,
    body: `@${trustee.name} this is the goal I will present at the December board meeting: the gap is narrowing.`,
    requiresResponse: false,
  })
}
