// Who may open a cycle's document, decided before the WebSocket is accepted (onUpgrade: Origin;
// onAuthenticate: session and team), read-only access, and revocation of open connections.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../server/collab/index.ts'
import { createWorld } from '../../factories/index.ts'
import {
  type ConnectedDoc,
  connectCycleDocument,
  connectDoc,
  cookieFor,
  handshakeStatus,
  type StartedCollabServer,
  startCollabServer,
  waitFor,
} from '../../utils/collab.ts'
import { createTestDatabase, type TestDatabase } from '../../utils/db.ts'

let database: TestDatabase
let server: StartedCollabServer
let world: Awaited<ReturnType<typeof createWorld>>
let elsewhere: Awaited<ReturnType<typeof createWorld>>
const cleanup: { destroy(): void }[] = []

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db)
  elsewhere = await createWorld(database.db, 'Elsewhere')
  server = await startCollabServer(database.db, { revalidateIntervalMs: 300 })
})

afterAll(async () => {
  for (const c of cleanup) c.destroy()
  await server?.close()
  await database?.close()
})

const url = (cycleId: string) => `${server.wsUrl}/${cycleId}`

describe('onUpgrade / onAuthenticate', () => {
  it('refuses with 401 without a valid session', async () => {
    expect(await handshakeStatus(url(world.cycle.id), { origin: server.origin })).toBe(401)
    expect(
      await handshakeStatus(url(world.cycle.id), { origin: server.origin, cookie: 'pdsa_session=forged' }),
    ).toBe(401)
  })

  it('refuses with 403 when the Origin is missing or foreign, even with a valid session', async () => {
    const cookie = await cookieFor(database.db, world.users.member.id)
    expect(await handshakeStatus(url(world.cycle.id), { cookie })).toBe(403)
    expect(await handshakeStatus(url(world.cycle.id), { cookie, origin: 'https://evil.example' })).toBe(403)
  })

  it('accepts an Origin listed in ALLOWED_ORIGINS', async () => {
    const other = await startCollabServer(database.db, { allowedOrigins: ['https://app.example.org'] })
    try {
      const cookie = await cookieFor(database.db, world.users.member.id)
      const status = await handshakeStatus(`${other.wsUrl}/${world.cycle.id}`, {
        cookie,
        origin: 'https://app.example.org',
      })
      expect(status).toBe(101)
    } finally {
      await other.close()
    }
  })

  it.each([
    ['viewer', 403],
    ['principal', 403],
    ['otherTeamMember', 403],
    ['member', 101],
    ['lead', 101],
    ['coach', 101],
    ['leader', 101],
    ['admin', 101],
  ] as const)('%s gets %i', async (who, status) => {
    const cookie = await cookieFor(database.db, world.users[who].id)
    expect(await handshakeStatus(url(world.cycle.id), { cookie, origin: server.origin })).toBe(status)
  })

  it('answers 404 for an unknown cycle, a cycle of another district and a malformed path', async () => {
    const cookie = await cookieFor(database.db, world.users.leader.id)
    const headers = { cookie, origin: server.origin }
    expect(await handshakeStatus(url(randomUUID()), headers)).toBe(404)
    expect(await handshakeStatus(url(elsewhere.cycle.id), headers)).toBe(404)
    expect(await handshakeStatus(url('not-a-uuid'), headers)).toBe(404)
    expect(await handshakeStatus(`ws://127.0.0.1:${server.port}/other/${world.cycle.id}`, headers)).toBe(404)
  })
})

describe('read-only connections', () => {
  it('drops the document updates of coaches and leaders, but relays their presence', async () => {
    const memberCookie = await cookieFor(database.db, world.users.member.id)
    const editor = connectDoc(server, world.cycle.id, memberCookie)
    const coach = connectCycleDocument(
      server,
      world.cycle.id,
      await cookieFor(database.db, world.users.coach.id),
    )
    cleanup.push(editor, coach)
    await waitFor(() => editor.provider.synced && coach.getStatus().synced)
    expect(coach.getStatus().access).toBe('read')
    const rowsBefore = await database.db.yUpdate.count({ where: { cycleId: world.cycle.id } })

    const fragment = coach.doc.getXmlFragment('objective')
    const { XmlElement, XmlText } = await import('yjs')
    const p = new XmlElement('paragraph')
    p.insert(0, [new XmlText('coach was here')])
    fragment.insert(0, [p])
    await waitFor(() => coach.getStatus().refusal === 'read-only')

    editor.type('team text', 'study')
    await waitFor(() => coach.doc.getXmlFragment('study').toString().includes('team text'))
    expect(editor.doc.getXmlFragment('objective').toString()).not.toContain('coach was here')
    await server.collab.flush()
    const rows = await database.db.yUpdate.findMany({ where: { cycleId: world.cycle.id } })
    expect(rows.length).toBeGreaterThan(rowsBefore)
    expect(rows.every((r) => r.userId !== world.users.coach.id)).toBe(true)

    coach.provider.awareness.setLocalStateField('cursor', { anchor: 1 })
    await waitFor(() => editor.provider.awareness.getStates().get(coach.doc.clientID)?.cursor)
    expect(server.collab.stats().updatesDroppedReadOnly).toBeGreaterThan(0)
  })
})

describe('revocation', () => {
  it('closes the connections of a signed-out session within seconds (4401)', async () => {
    const cookie = await cookieFor(database.db, world.users.lead.id)
    const c = connectDoc(server, world.cycle.id, cookie)
    cleanup.push(c)
    const closed = new Promise<number>((resolve) => c.provider.on('closed', (e) => resolve(e.code)))
    await waitFor(() => c.provider.synced)
    await database.db.session.deleteMany({ where: { userId: world.users.lead.id } })
    const started = Date.now()
    expect(await closed).toBe(CloseCode.unauthorized)
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('closes the connections of a removed team member as soon as the change is announced (4403)', async () => {
    const user = await database.db.user.create({
      data: {
        districtId: world.district.id,
        email: `leaving-${randomUUID()}@example.test`,
        name: 'Leaving Member',
        memberships: {
          create: {
            districtId: world.district.id,
            role: 'team_member',
            schoolId: world.schoolA.id,
            teamId: world.teamA.id,
          },
        },
      },
    })
    const c: ConnectedDoc = connectDoc(server, world.cycle.id, await cookieFor(database.db, user.id))
    cleanup.push(c)
    const closed = new Promise<number>((resolve) => c.provider.on('closed', (e) => resolve(e.code)))
    await waitFor(() => c.provider.synced)
    await database.db.membership.deleteMany({ where: { userId: user.id } })
    server.collab.onAccessChanged({ userId: user.id })
    expect(await closed).toBe(CloseCode.forbidden)
    // The stock client stops reconnecting after a 44xx close.
    expect(c.provider.shouldConnect).toBe(false)
  })
})
