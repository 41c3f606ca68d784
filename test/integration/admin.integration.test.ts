import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { verifyPassword } from '../../server/auth/password.ts'
import { createSession } from '../../server/auth/session.ts'
import { actorFor, createWorld, insertUser, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
})
afterAll(() => database.close())

const sessionConfig = { ttlHours: 12, secret: 'x'.repeat(40), secureCookies: false }
const admin = () => callerFor(database.db, world.actors.admin)

describe('users', () => {
  it('invites a user: no password until they use the link; a temporary password is argon2id and never audited', async () => {
    const user = await admin().invitation.create({
      email: 'Rosa.Diaz@Example.test',
      name: 'Rosa Díaz',
      title: 'Counselor',
      role: 'viewer',
    })
    expect(user.email).toBe('rosa.diaz@example.test')
    expect(await database.db.password.findUnique({ where: { userId: user.id } })).toBeNull()
    await admin().invitation.setTemporaryPassword({ userId: user.id, password: 'a long enough password' })
    const stored = await database.db.password.findUniqueOrThrow({ where: { userId: user.id } })
    expect(stored.hash.startsWith('$argon2id$')).toBe(true)
    expect(await verifyPassword(stored.hash, 'a long enough password')).toBe(true)
    const audit = await database.db.auditEvent.findMany({ where: { entityId: user.id } })
    expect(audit.map((a) => a.action).sort()).toEqual(['user.invite', 'user.set_temporary_password'])
    const json = JSON.stringify(audit.map((a) => ({ before: a.before, after: a.after })))
    expect(json).not.toContain('a long enough password')
    expect(json).not.toContain('$argon2id$')
    const listed = await admin().org.users()
    expect(JSON.stringify(listed)).not.toContain('$argon2id$')
  })

  it('refuses to invite an email a user of the district already has, and changes nothing', async () => {
    const before = await database.db.user.count()
    const taken = await database.db.user.findUniqueOrThrow({ where: { id: world.users.member.id } })
    await expect(
      admin().invitation.create({ email: taken.email.toUpperCase(), name: 'Copy', role: 'viewer' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `email: A user of this district already has the email ${taken.email}.`,
    })
    expect(await database.db.user.count()).toBe(before)
  })

  it('an email used in another district does not show through: the user is invited here', async () => {
    const elsewhere = await database.db.user.findUniqueOrThrow({ where: { id: other.users.member.id } })
    const created = await admin().invitation.create({
      email: elsewhere.email.toUpperCase(),
      name: 'Same address, other district',
      role: 'viewer',
    })
    expect(created.email).toBe(elsewhere.email)
    const rows = await database.db.user.findMany({
      where: { email: elsewhere.email },
      select: { districtId: true },
    })
    expect(rows.map((r) => r.districtId).sort()).toEqual([world.district.id, other.district.id].sort())
  })

  it('rejects a short temporary password with a message naming the field', async () => {
    await expect(
      admin().invitation.setTemporaryPassword({ userId: world.users.viewer.id, password: 'short' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'password: At least 12 characters.' })
  })

  it('deactivating signs the user out everywhere and tells the collaboration server', async () => {
    const user = await insertUser(database.db, world.district.id, [
      { role: 'team_member', schoolId: world.schoolA.id, teamId: world.teamA.id },
    ])
    await createSession(database.db, sessionConfig, user.id, { userAgent: 'a', ip: '1' })
    await createSession(database.db, sessionConfig, user.id, { userAgent: 'b', ip: '2' })
    const onAccessChanged = vi.fn()
    const api = callerFor(database.db, world.actors.admin, {
      app: { now: () => new Date(), onAccessChanged },
    })
    const result = await api.org.updateUser({ id: user.id, deactivated: true })
    expect(result.deactivated).toBe(true)
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(0)
    expect(onAccessChanged).toHaveBeenCalledWith({ userId: user.id })
    const reactivated = await api.org.updateUser({ id: user.id, deactivated: false })
    expect(reactivated.deactivated).toBe(false)
  })

  it('never leaves the district without an active admin', async () => {
    const api = admin()
    const adminRole = await database.db.membership.findFirstOrThrow({
      where: { userId: world.users.admin.id, role: 'admin' },
    })
    await expect(api.org.revokeRole({ membershipId: adminRole.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('last active admin'),
    })
    await expect(api.org.updateUser({ id: world.users.admin.id, deactivated: true })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    })
    // With a second admin, the first may step down; then the second is the last one.
    const second = await insertUser(database.db, world.district.id, [{ role: 'admin' }])
    const secondApi = callerFor(database.db, await actorFor(database.db, second.id))
    await secondApi.org.revokeRole({ membershipId: adminRole.id })
    const secondRole = await database.db.membership.findFirstOrThrow({
      where: { userId: second.id, role: 'admin' },
    })
    await expect(secondApi.org.revokeRole({ membershipId: secondRole.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    })
    // Restore the world's admin for the other tests.
    await secondApi.org.grantRole({ userId: world.users.admin.id, role: 'admin' })
    world.actors.admin = await actorFor(database.db, world.users.admin.id)
  })
  it('lets only one of two admins removing each other at the same moment succeed', async () => {
    const district = await database.db.district.create({ data: { name: 'Pair', slug: `pair-${Date.now()}` } })
    const a = await insertUser(database.db, district.id, [{ role: 'admin' }])
    const b = await insertUser(database.db, district.id, [{ role: 'admin' }])
    const roleOf = (userId: string) => database.db.membership.findFirstOrThrow({ where: { userId } })
    const [ra, rb] = [await roleOf(a.id), await roleOf(b.id)]
    const results = await Promise.allSettled([
      callerFor(database.db, await actorFor(database.db, a.id)).org.revokeRole({ membershipId: rb.id }),
      callerFor(database.db, await actorFor(database.db, b.id)).org.revokeRole({ membershipId: ra.id }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await database.db.membership.count({ where: { districtId: district.id, role: 'admin' } })).toBe(1)
  })
})

describe('roles', () => {
  it('grants a team role with the team’s school, audits it, and refuses the same grant twice', async () => {
    const user = await insertUser(database.db, world.district.id, [])
    const membership = await admin().org.grantRole({
      userId: user.id,
      role: 'team_member',
      teamId: world.teamB.id,
    })
    expect(membership.schoolId).toBe(world.schoolB.id)
    await expect(
      admin().org.grantRole({ userId: user.id, role: 'team_member', teamId: world.teamB.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { entityId: user.id, action: 'user.grant_role' },
    })
    expect(audit.after).toMatchObject({
      role: 'team_member',
      teamId: world.teamB.id,
      schoolId: world.schoolB.id,
    })
  })

  it('validates the school and team against the role and the district', async () => {
    const user = await insertUser(database.db, world.district.id, [])
    await expect(admin().org.grantRole({ userId: user.id, role: 'team_lead' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'teamId: Team roles need a team.',
    })
    await expect(
      admin().org.grantRole({ userId: user.id, role: 'district_leader', schoolId: world.schoolA.id }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'role: district_leader is a district-wide role.',
    })
    await expect(
      admin().org.grantRole({
        userId: user.id,
        role: 'team_member',
        schoolId: world.schoolA.id,
        teamId: world.teamB.id,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'teamId: This team is at another school.' })
    await expect(
      admin().org.grantRole({ userId: user.id, role: 'team_member', teamId: other.teamA.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      admin().org.grantRole({ userId: user.id, role: 'viewer', schoolId: other.schoolA.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      admin().org.grantRole({ userId: other.users.member.id, role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await database.db.membership.count({ where: { userId: user.id } })).toBe(0)
  })

  it('revoking a role notifies the collaboration server', async () => {
    const user = await insertUser(database.db, world.district.id, [
      { role: 'coach', schoolId: world.schoolA.id, teamId: world.teamA.id },
    ])
    const membership = await database.db.membership.findFirstOrThrow({ where: { userId: user.id } })
    const onAccessChanged = vi.fn()
    await callerFor(database.db, world.actors.admin, {
      app: { now: () => new Date(), onAccessChanged },
    }).org.revokeRole({
      membershipId: membership.id,
    })
    expect(onAccessChanged).toHaveBeenCalledWith({ userId: user.id })
    expect(await database.db.membership.count({ where: { userId: user.id } })).toBe(0)
  })
})

describe('schools, teams, groups and settings', () => {
  it('creates a school and a team, refuses a duplicate school code, archives a team', async () => {
    const school = await admin().org.createSchool({
      code: 'LAKE',
      name: 'Lakeside Elementary',
      level: 'elementary',
    })
    await expect(
      admin().org.createSchool({ code: 'LAKE', name: 'Copy', level: 'high' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'code: The code LAKE is already used by Lakeside Elementary.',
    })
    const team = await admin().org.createTeam({ schoolId: school.id, name: 'Reading team' })
    const archived = await callerFor(database.db, world.actors.admin, {
      app: { now: () => new Date('2026-01-05T10:00:00Z') },
    }).org.updateTeam({ id: team.id, archived: true })
    expect(archived.archivedAt?.toISOString()).toBe('2026-01-05T10:00:00.000Z')
    const listed = await callerFor(database.db, world.actors.member).org.schools({})
    expect(listed.find((s) => s.id === school.id)?.teams).toEqual([])
    const all = await admin().org.schools({ includeArchivedTeams: true })
    expect(all.find((s) => s.id === school.id)?.teams.map((t) => t.archived)).toEqual([true])
    expect(listed.every((s) => s.id !== other.schoolA.id)).toBe(true)
  })

  it('keeps the all-students group active and hides inactive groups by default', async () => {
    await expect(
      admin().org.updateStudentGroup({ id: world.groups.ALL.id, isActive: false }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    const group = await admin().org.createStudentGroup({
      code: 'fy',
      name: 'Foster youth',
      category: 'program',
    })
    expect(group.code).toBe('FY')
    await admin().org.updateStudentGroup({ id: group.id, isActive: false })
    const active = await callerFor(database.db, world.actors.viewer).org.studentGroups({})
    expect(active.map((g) => g.code)).not.toContain('FY')
    const all = await admin().org.studentGroups({ includeInactive: true })
    expect(all.map((g) => g.code)).toContain('FY')
  })

  it('lets leaders read the settings and only admins change them, with an audit event', async () => {
    const settings = await callerFor(database.db, world.actors.leader).org.districtSettings()
    expect(settings).toMatchObject({ suppressionThreshold: 10, canEdit: false })
    const updated = await admin().org.updateDistrictSettings({ suppressionThreshold: 11 })
    expect(updated).toMatchObject({ suppressionThreshold: 11, canEdit: true })
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { action: 'district.update', districtId: world.district.id },
    })
    expect(audit.before).toEqual({ suppressionThreshold: 10 })
    expect(audit.after).toEqual({ suppressionThreshold: 11 })
    await expect(admin().org.updateDistrictSettings({ suppressionThreshold: 0 })).rejects.toMatchObject({
      message: 'suppressionThreshold: At least 1.',
    })
    await admin().org.updateDistrictSettings({ suppressionThreshold: 10 })
  })

  it('keeps the district time zone: California by default, an IANA zone when changed, refusing others', async () => {
    expect(await admin().org.districtSettings()).toMatchObject({ timeZone: 'America/Los_Angeles' })
    await expect(admin().org.updateDistrictSettings({ timeZone: 'Pacific/Nowhere' })).rejects.toMatchObject({
      message: expect.stringMatching(/Choose a time zone/),
    })
    const updated = await admin().org.updateDistrictSettings({ timeZone: 'America/New_York' })
    expect(updated.timeZone).toBe('America/New_York')
    await admin().org.updateDistrictSettings({ timeZone: 'America/Los_Angeles' })
  })
})
