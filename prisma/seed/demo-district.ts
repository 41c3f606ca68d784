// Seeds the fictional Riverbend Unified School District into an empty database: builds the plain data
// with @pdsa/demo-district, maps codes to fresh UUIDs, and inserts everything with batched createMany
// statements in one transaction (PGlite on disk costs ~8 ms per statement, so batching is what keeps
// this fast). Refuses to run when the demo district is already there.
import { buildDemoDistrict, DEMO_PASSWORD, DEMO_SIGN_INS, type DemoDistrict } from '@pdsa/demo-district'
import { hashPassword } from '../../server/auth/password.ts'
import type { PrismaClient } from '../../server/db/generated/client.ts'
import { seedDemoNotifications } from './demo-notifications.ts'
import { seedDemoOutbox } from './demo-outbox.ts'
import { assignIds, type DemoIds } from './ids.ts'
import { insertObservationBatch } from './observations.ts'
import { commentRows, cycleRows, observationRows, organisationRows, peopleRows, planRows } from './rows.ts'

export { DEMO_PASSWORD, DEMO_SIGN_INS }

export interface SeedDemoDistrictOptions {
  onProgress?: (line: string) => void
  /** The day to build the demo for (YYYY-MM-DD); default: today's local date. */
  today?: string
  /** Generator seed (default: the package's fixed seed). */
  seed?: number
  /** Observation rows per INSERT statement. */
  batchSize?: number
  /** The address links in the seeded emails point to (default http://localhost:3000). */
  publicUrl?: string
  /**
   * The secret the server signs unsubscribe links with (its SESSION_SECRET): the seeded notification
   * emails' links work only when it matches. Default: a demo-only value.
   */
  unsubscribeSecret?: string
}

export interface SeedDemoDistrictResult {
  districtId: string
  counts: Record<string, number>
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

const DEMO_PUBLIC_URL = 'http://localhost:3000'
const TRANSACTION_TIMEOUT_MS = 15 * 60_000
const ROWS_PER_STATEMENT = 5_000

function localToday(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

const formatCount = (n: number) => n.toLocaleString('en-US')

const DEMO_SLUG = 'riverbend'

async function refuseIfDistrictExists(db: PrismaClient): Promise<void> {
  const existing = await db.district.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } })
  if (existing) {
    throw new Error(
      `The demo district "${DEMO_SLUG}" already exists in this database; refusing to seed it twice. ` +
        'Seed into an empty database (for PGlite, remove the data directory; for PostgreSQL, recreate the database).',
    )
  }
}

async function refuseIfUsersExist(db: PrismaClient, data: DemoDistrict): Promise<void> {
  const taken = await db.user.count({ where: { email: { in: data.users.map((u) => u.email) } } })
  if (taken > 0) {
    throw new Error(
      `${taken} demo user email(s) already exist in this database; refusing to seed the demo district.`,
    )
  }
}

async function insertInBatches<T>(
  label: string,
  rows: readonly T[],
  size: number,
  insert: (batch: T[]) => Promise<unknown>,
  progress: (line: string) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await insert(rows.slice(i, i + size))
    progress(`${label} ${formatCount(Math.min(i + size, rows.length))} / ${formatCount(rows.length)}`)
  }
}

async function insertPlanAndPeople(
  tx: Tx,
  data: DemoDistrict,
  ids: DemoIds,
  passwordHash: string,
  progress: (l: string) => void,
) {
  const org = organisationRows(data, ids)
  await tx.district.create({ data: { id: ids.district, ...data.district } })
  await tx.school.createMany({ data: org.schools })
  await tx.studentGroup.createMany({ data: org.studentGroups })
  await tx.measure.createMany({ data: org.measures })
  await tx.team.createMany({ data: org.teams })
  progress(
    `organisation: ${org.schools.length} schools, ${org.teams.length} teams, ${org.measures.length} measures`,
  )

  const people = peopleRows(data, ids, passwordHash)
  await tx.user.createMany({ data: people.users })
  await tx.password.createMany({ data: people.passwords })
  await tx.membership.createMany({ data: people.memberships })
  progress(`people: ${people.users.length} users, ${people.memberships.length} memberships`)

  const plan = planRows(data, ids)
  await tx.districtGoal.createMany({ data: plan.districtGoals })
  await tx.equityGoal.createMany({ data: plan.equityGoals })
  await tx.equityGoalAlignment.createMany({ data: plan.alignments })
  await tx.driverNode.createMany({ data: plan.primaryDrivers })
  await tx.driverNode.createMany({ data: plan.secondaryDrivers })
  await tx.changeIdea.createMany({ data: plan.changeIdeas })
  await tx.changeIdeaDriver.createMany({ data: plan.changeIdeaDrivers })
  progress(
    `plans: ${plan.equityGoals.length} goals, ${plan.primaryDrivers.length + plan.secondaryDrivers.length} drivers, ${plan.changeIdeas.length} change ideas`,
  )

  const cycles = cycleRows(data, ids)
  for (const group of cycles.cyclesByNumber) await tx.pdsaCycle.createMany({ data: group })
  await tx.cycleQuestion.createMany({ data: cycles.questions })
  await tx.cycleTask.createMany({ data: cycles.tasks })
  await tx.cycleMeasure.createMany({ data: cycles.measures })
  await tx.cycleDriver.createMany({ data: cycles.drivers })
  const comments = commentRows(data, ids)
  await tx.comment.createMany({ data: comments.threads })
  await tx.comment.createMany({ data: comments.replies })
  progress(
    `cycles: ${data.cycles.length} cycles, ${cycles.questions.length} questions, ${data.comments.length} comments`,
  )
}

function countRows(data: DemoDistrict): Record<string, number> {
  const cycleParts = (pick: (c: DemoDistrict['cycles'][number]) => readonly unknown[]) =>
    data.cycles.reduce((n, c) => n + pick(c).length, 0)
  return {
    schools: data.schools.length,
    studentGroups: data.studentGroups.length,
    measures: data.measures.length,
    users: data.users.length,
    memberships: data.memberships.length,
    teams: data.teams.length,
    districtGoals: data.districtGoals.length,
    equityGoals: data.equityGoals.length,
    alignments: data.equityGoals.reduce((n, g) => n + g.districtGoalCodes.length, 0),
    driverNodes: data.driverNodes.length,
    changeIdeas: data.changeIdeas.length,
    cycles: data.cycles.length,
    cycleQuestions: cycleParts((c) => c.questions),
    cycleTasks: cycleParts((c) => c.tasks),
    cycleMeasures: cycleParts((c) => c.measures),
    cycleDrivers: cycleParts((c) => c.driverKeys),
    comments: data.comments.length,
    observations: data.observations.length,
  }
}

export async function seedDemoDistrict(
  db: PrismaClient,
  opts: SeedDemoDistrictOptions = {},
): Promise<SeedDemoDistrictResult> {
  const progress = opts.onProgress ?? (() => {})
  const started = performance.now()
  const today = opts.today ?? localToday()
  await refuseIfDistrictExists(db)
  progress(`building the demo district for ${today}…`)
  const data = buildDemoDistrict({ today, ...(opts.seed === undefined ? {} : { seed: opts.seed }) })
  if (data.district.slug !== DEMO_SLUG) throw new Error(`Unexpected demo district slug ${data.district.slug}`)
  progress(
    `built in ${Math.round(performance.now() - started)} ms: ${formatCount(data.observations.length)} observations`,
  )
  await refuseIfUsersExist(db, data)
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const ids = assignIds(data)
  const observations = observationRows(data, ids, new Date())
  const batchSize = opts.batchSize ?? ROWS_PER_STATEMENT
  await db.$transaction(
    async (tx) => {
      await insertPlanAndPeople(tx, data, ids, passwordHash, progress)
      await insertInBatches(
        'observations',
        observations,
        batchSize,
        (batch) => insertObservationBatch(tx, batch),
        progress,
      )
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 },
  )
  const leaderEmail = DEMO_SIGN_INS.find((s) => s.role === 'District leader')?.email ?? ''
  const publicUrl = opts.publicUrl ?? DEMO_PUBLIC_URL
  const seeded = await seedDemoNotifications(db, {
    districtId: ids.district,
    now: new Date(),
    leaderEmail,
    immediateEmail: DEMO_SIGN_INS.find((s) => s.role === 'Team lead')?.email ?? '',
    email: { publicUrl, unsubscribeSecret: opts.unsubscribeSecret ?? 'demo-only-unsubscribe-secret' },
  })
  progress(`notifications: ${formatCount(seeded.notifications)}`)
  const emails = await seedDemoOutbox(db, ids.district, publicUrl)
  progress(
    `outbox: ${emails} emails (invitations, a password reset, ${formatCount(seeded.emails)} notification emails and digests)`,
  )
  progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return { districtId: ids.district, counts: countRows(data) }
}
