// The demo district's history of notifications, made by the product's own rules from the seeded history:
// the feedback threads (asked → the team, answered → the coach, accepted → the team), recent stage
// changes, and the time-based and school scans as of today. The district leader follows the schools the
// seeded misalignments are at. Older ones are read; the last few days' are unread, for every role.
import type { Actor } from '@pdsa/domain'
import type { Db } from '../../server/db/client.ts'
import { loadActor } from '../../server/services/actor.ts'
import {
  notifyCommentCreated,
  notifyFeedbackTransition,
} from '../../server/services/notifications/comment-notifications.ts'
import { scanDueNotifications } from '../../server/services/notifications/scan-due-notifications.ts'
import { scanSchoolSignals } from '../../server/services/notifications/scan-school-signals.ts'
import { notifyCycleStageChanged } from '../../server/services/notifications/work-notifications.ts'

const DAY = 86_400_000
/** Notifications older than this are shown as read. */
const UNREAD_FOR_MS = 4 * DAY

export async function seedDemoNotifications(
  db: Db,
  { districtId, now, leaderEmail }: { districtId: string; now: Date; leaderEmail: string },
): Promise<number> {
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

  // The district leader follows the schools with findings; then the scans, as the recurring job runs them.
  const leader = await db.user.findFirst({ where: { districtId, email: leaderEmail }, select: { id: true } })
  if (leader) {
    const schools = await db.school.findMany({
      where: { districtId },
      select: { id: true },
      take: 3,
      orderBy: { name: 'asc' },
    })
    await db.schoolFollow.createMany({
      data: schools.map((s) => ({ districtId, userId: leader.id, schoolId: s.id })),
      skipDuplicates: true,
    })
  }
  await scanDueNotifications({ db, now: new Date(now.getTime() - 2 * DAY) })
  await scanSchoolSignals({ db, now: new Date(now.getTime() - 3 * DAY) })

  await db.notification.updateMany({
    where: { districtId, createdAt: { lt: new Date(now.getTime() - UNREAD_FOR_MS) } },
    data: { readAt: now },
  })
  return db.notification.count({ where: { districtId } })
}
