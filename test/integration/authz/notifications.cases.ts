import type { Db } from '../../../server/db/client.ts'
import type { World } from '../../factories/index.ts'
import type { AuthzCase } from './types.ts'

const everyone = [
  'admin',
  'leader',
  'coach',
  'lead',
  'member',
  'viewer',
  'otherTeamMember',
  'principal',
] as const

/** A notification of the team lead's: only they may mark it read. */
async function leadNotification(w: World, db: Db) {
  return db.notification.create({
    data: {
      districtId: w.district.id,
      recipientId: w.users.lead.id,
      actorId: w.users.coach.id,
      category: 'feedback_requested',
      dedupeKey: `authz:${crypto.randomUUID()}`,
      title: 'The coach asks your team to respond',
      link: `/cycles/${w.cycle.id}#comment-${w.comment.id}`,
    },
  })
}

export const notificationCases: AuthzCase[] = [
  // Each person's own notifications and preferences: nothing of anyone else's is reachable.
  { path: 'notification.list', input: () => ({}), allow: everyone, ownDistrictOnly: true },
  { path: 'notification.unreadCount', input: () => undefined, allow: everyone, ownDistrictOnly: true },
  { path: 'notification.markAllRead', input: () => undefined, allow: everyone, ownDistrictOnly: true },
  {
    path: 'notification.markRead',
    input: async (w, db) => ({ ids: [(await leadNotification(w, db)).id] }),
    allow: ['lead'],
    refusal: 'NOT_FOUND',
  },
  { path: 'notification.preferences', input: () => undefined, allow: everyone, ownDistrictOnly: true },
  {
    path: 'notification.updatePreference',
    input: () => ({ category: 'mention', delivery: 'weekly_digest' }),
    allow: everyone,
    ownDistrictOnly: true,
  },
  { path: 'notification.followedSchools', input: () => undefined, allow: everyone, ownDistrictOnly: true },
  {
    path: 'notification.followSchool',
    input: (w) => ({ schoolId: w.schoolA.id, follow: true }),
    allow: ['admin', 'leader'],
  },
]
