// The command palette's search: typo-tolerant, over goals, cycles, measures and teams, and only what the
// user may open — never another team's work they cannot read, never another district's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, insertCycle, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let other: World
let climateCycleId: string

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  other = await createWorld(database.db, 'Elsewhere')
  // A cycle on team B (school B) that team A's members may not open.
  const cycle = await insertCycle(database.db, {
    districtId: world.district.id,
    schoolId: world.schoolB.id,
    teamId: world.teamB.id,
    title: 'Chronic absence check-ins on the climate team',
  })
  climateCycleId = cycle.id
})
afterAll(() => database.close())

const search = (actor: World['actors'][keyof World['actors']], q: string) =>
  callerFor(database.db, actor).search.quick({ q })

describe('search.quick', () => {
  it('finds goals, measures and cycles despite a typo ("chronic absense")', async () => {
    const hits = await search(world.actors.leader, 'chronic absense')
    const kinds = new Set(hits.map((h) => h.kind))
    expect(kinds.has('goal')).toBe(true)
    expect(kinds.has('measure')).toBe(true)
    expect(kinds.has('cycle')).toBe(true)
    expect(hits.find((h) => h.id === world.goal.id)).toMatchObject({
      kind: 'goal',
      path: `/goals/${world.goal.id}`,
    })
    expect(hits.find((h) => h.id === world.measure.id)?.path).toBe(`/measures/${world.measure.id}`)
    // Best first.
    const scores = hits.map((h) => h.score)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
  })

  it('finds teams by name', async () => {
    const hits = await search(world.actors.leader, 'climte team')
    expect(hits.some((h) => h.kind === 'team' && h.id === world.teamB.id)).toBe(true)
  })

  it('returns only what the user may open', async () => {
    const member = await search(world.actors.member, 'chronic absence')
    expect(member.some((h) => h.id === world.goal.id)).toBe(true)
    expect(member.some((h) => h.id === climateCycleId)).toBe(false)
    const otherTeam = await search(world.actors.otherTeamMember, 'chronic absence')
    expect(otherTeam.some((h) => h.id === climateCycleId)).toBe(true)
    expect(otherTeam.some((h) => h.id === world.goal.id || h.id === world.cycle.id)).toBe(false)
  })

  it('never returns another district’s records (same titles there)', async () => {
    const hits = await search(world.actors.leader, 'chronic absence')
    const foreign = [other.goal.id, other.cycle.id, other.measure.id, other.teamA.id, other.teamB.id]
    expect(hits.some((h) => foreign.includes(h.id))).toBe(false)
    const theirs = await search(other.actors.leader, 'chronic absence')
    expect(theirs.some((h) => h.id === other.goal.id)).toBe(true)
    expect(theirs.some((h) => [world.goal.id, world.measure.id, climateCycleId].includes(h.id))).toBe(false)
  })

  it('refuses queries that are too short or too long', async () => {
    await expect(search(world.actors.leader, 'c')).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(search(world.actors.leader, 'x'.repeat(101))).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })
})
