import {
  type Actor,
  canCoachTeam,
  canEditTeam,
  canManageTeam,
  canReadTeam,
  forbidden,
  notFound,
  ROLE_LABELS,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

/** A team of the actor's district that the actor may read, with its members and what the actor may do. */
export async function getTeam({ db, actor, id }: { db: DbTx; actor: Actor; id: string }) {
  const team = await db.team.findFirst({
    where: { id, districtId: actor.districtId },
    select: {
      id: true,
      name: true,
      description: true,
      archivedAt: true,
      schoolId: true,
      school: { select: { id: true, name: true, level: true } },
      memberships: {
        select: { role: true, user: { select: { id: true, name: true, title: true, deactivatedAt: true } } },
        orderBy: { user: { name: 'asc' } },
      },
    },
  })
  if (!team) throw notFound('Team')
  const scope = { schoolId: team.schoolId, teamId: team.id }
  if (!canReadTeam(actor, scope)) throw forbidden('You do not have access to this team.')
  const members = new Map<string, { id: string; name: string; title: string; roles: string[] }>()
  for (const m of team.memberships) {
    if (m.user.deactivatedAt) continue
    const entry = members.get(m.user.id) ?? {
      id: m.user.id,
      name: m.user.name,
      title: m.user.title,
      roles: [],
    }
    entry.roles.push(ROLE_LABELS[m.role])
    members.set(m.user.id, entry)
  }
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    archived: team.archivedAt !== null,
    school: team.school,
    members: [...members.values()],
    canEdit: canEditTeam(actor, scope),
    canManage: canManageTeam(actor, scope),
    canCoach: canCoachTeam(actor, scope),
  }
}
