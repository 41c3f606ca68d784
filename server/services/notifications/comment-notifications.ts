// What a comment notifies: feedback that requires a response → the team; the team's answer → the coach
// who asked; the coach accepting or re-opening → the team; @mentions → the person mentioned.
import { type Actor, canReadGoal, findMentions, type NotificationCategory } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { excerpt, notify } from './notify.ts'
import { mentionablePeople, teamEditorIds } from './recipients.ts'

interface CommentPlace {
  districtId: string
  schoolId: string
  teamId: string | null
  /** The cycle's or goal's title. */
  title: string
  path: string
}

async function commentPlace(db: DbTx, on: { cycleId: string | null; goalId: string | null }) {
  if (on.cycleId) {
    const c = await db.pdsaCycle.findUniqueOrThrow({
      where: { id: on.cycleId },
      select: { districtId: true, schoolId: true, teamId: true, title: true },
    })
    return { ...c, path: `/cycles/${on.cycleId}` } satisfies CommentPlace
  }
  const g = await db.equityGoal.findUniqueOrThrow({
    where: { id: on.goalId ?? '' },
    select: { districtId: true, schoolId: true, teamId: true, title: true },
  })
  return { ...g, path: `/goals/${on.goalId}` } satisfies CommentPlace
}

const canOpen = (place: CommentPlace) => (recipient: Actor) =>
  canReadGoal(recipient, { schoolId: place.schoolId, teamId: place.teamId })

interface CommentRow {
  id: string
  cycleId: string | null
  goalId: string | null
  body: string
  requiresResponse: boolean
}

/** After a comment was written (inside its transaction). Returns who got a notification. */
export async function notifyCommentCreated(
  db: DbTx,
  args: { actor: Actor; comment: CommentRow; answered: { id: string; authorId: string } | null; now: Date },
): Promise<string[]> {
  const { actor, comment, now } = args
  const place = await commentPlace(db, comment)
  const link = `${place.path}#comment-${comment.id}`
  const base = {
    districtId: place.districtId,
    actorId: actor.userId,
    canOpen: canOpen(place),
    createdAt: now,
  }
  const body = excerpt(comment.body)
  const notified: string[] = []
  if (comment.requiresResponse && place.teamId) {
    notified.push(
      ...(await notify(db, {
        ...base,
        category: 'feedback_requested',
        dedupeKey: `comment:${comment.id}:requested`,
        title: `${actor.name} asks your team to respond on “${place.title}”`,
        body,
        link,
        recipientIds: await teamEditorIds(db, place.teamId),
      })),
    )
  }
  if (args.answered) {
    notified.push(
      ...(await notify(db, {
        ...base,
        category: 'feedback_replied',
        dedupeKey: `comment:${comment.id}:replied`,
        title: `${actor.name} answered your feedback on “${place.title}”`,
        body,
        link,
        recipientIds: [args.answered.authorId],
      })),
    )
  }
  const mentioned = [...findMentions(comment.body, await mentionablePeople(db, place.districtId)).keys()]
  notified.push(
    ...(await notify(db, {
      ...base,
      category: 'mention',
      dedupeKey: `comment:${comment.id}:mention`,
      title: `${actor.name} mentioned you on “${place.title}”`,
      body,
      link,
      recipientIds: mentioned,
    })),
  )
  return [...new Set(notified)]
}

/** After the coach accepted the team's answer or re-opened the feedback. */
export async function notifyFeedbackTransition(
  db: DbTx,
  args: { actor: Actor; comment: CommentRow; to: 'accepted' | 'reopened'; now: Date },
): Promise<string[]> {
  const { actor, comment, to, now } = args
  const place = await commentPlace(db, comment)
  if (!place.teamId) return []
  const category: NotificationCategory = to === 'accepted' ? 'feedback_resolved' : 'feedback_requested'
  return notify(db, {
    districtId: place.districtId,
    actorId: actor.userId,
    canOpen: canOpen(place),
    createdAt: now,
    category,
    // Each re-open is its own event (a feedback can be re-opened more than once).
    dedupeKey: `comment:${comment.id}:${to}:${now.toISOString()}`,
    title:
      to === 'accepted'
        ? `${actor.name} accepted your team’s answer on “${place.title}”`
        : `${actor.name} re-opened feedback on “${place.title}”: it needs your answer again`,
    body: excerpt(comment.body),
    link: `${place.path}#comment-${comment.id}`,
    recipientIds: await teamEditorIds(db, place.teamId),
  })
}
