// Page benchmarks on PostgreSQL: a fresh database (created from TEST_DATABASE_URL's server), migrated and
// seeded with the demo district, dropped afterwards.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { seedDemoDistrict } from '../../prisma/seed/demo-district.ts'
import { type Db, type OpenDatabase, openDatabase } from '../../server/db/client.ts'
import { migrateDatabase } from '../../server/db/migrate.ts'

export const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

export interface SeededDistrict {
  database: OpenDatabase
  districtId: string
  drop(): Promise<void>
}

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

export async function seededPostgres(label: string): Promise<SeededDistrict> {
  const name = `bench_${label}_${randomBytes(4).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE "${name}"`))
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const database = await openDatabase({ kind: 'postgres', url: url.toString() })
  const drop = async () => {
    await database.close()
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
  }
  try {
    await migrateDatabase(database)
    const t0 = performance.now()
    const { districtId } = await seedDemoDistrict(database.db)
    console.log(
      `seeded the demo district into PostgreSQL database ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    )
    return { database, districtId, drop }
  } catch (error) {
    await drop()
    throw error
  }
}

/**
 * Makes the user coach `count` teams: the demo district's teams first; when it has fewer, new teams at the
 * same schools with copies of an existing team's cycles (questions and linked measures included), so every
 * team of the portfolio has real cycles, verdicts and method checks to compute.
 */
export async function coachOfTeams(db: Db, email: string, count: number): Promise<number> {
  const user = await db.user.findFirstOrThrow({ where: { email }, select: { id: true, districtId: true } })
  const teams = await db.team.findMany({
    where: { districtId: user.districtId, archivedAt: null },
    orderBy: { name: 'asc' },
    select: { id: true, schoolId: true, name: true },
  })
  const sources = [...teams]
  for (let i = 0; teams.length < count; i++) {
    const source = sources[i % sources.length]
    if (!source) throw new Error('The district has no team to copy')
    const team = await db.team.create({
      data: {
        districtId: user.districtId,
        schoolId: source.schoolId,
        name: `${source.name} (second team ${Math.floor(i / sources.length) + 1})`,
      },
      select: { id: true, schoolId: true, name: true },
    })
    const cycles = await db.pdsaCycle.findMany({
      where: { teamId: source.id },
      include: { questions: true, measures: true },
    })
    for (const { id: _id, questions, measures, previousCycleId: _prev, teamId: _team, ...cycle } of cycles) {
      await db.pdsaCycle.create({
        data: {
          ...cycle,
          teamId: team.id,
          questions: { create: questions.map(({ id: _q, cycleId: _c, ...q }) => q) },
          measures: { create: measures.map(({ cycleId: _c, ...m }) => m) },
        },
      })
    }
    teams.push(team)
  }
  const chosen = teams.slice(0, count)
  await db.membership.createMany({
    data: chosen.map((t) => ({
      districtId: user.districtId,
      userId: user.id,
      role: 'coach' as const,
      schoolId: t.schoolId,
      teamId: t.id,
    })),
    skipDuplicates: true,
  })
  return chosen.length
}
