// The demo district's plain data as Prisma createMany rows, with codes mapped to ids.
import { randomUUID } from 'node:crypto'
import type { DemoCycle, DemoDistrict } from '@pdsa/demo-district'
import type { Prisma } from '../../server/db/generated/client.ts'
import type { DemoIds } from './ids.ts'

const date = (iso: string) => new Date(`${iso}T00:00:00.000Z`)
const dateOrNull = (iso: string | null) => (iso === null ? null : date(iso))
const instant = (iso: string) => new Date(iso)

export function organisationRows(data: DemoDistrict, ids: DemoIds) {
  const districtId = ids.district
  const schools: Prisma.SchoolCreateManyInput[] = data.schools.map((s) => ({
    id: ids.schools.of(s.code),
    districtId,
    ...s,
  }))
  const studentGroups: Prisma.StudentGroupCreateManyInput[] = data.studentGroups.map((g) => ({
    id: ids.groups.of(g.code),
    districtId,
    ...g,
  }))
  const measures: Prisma.MeasureCreateManyInput[] = data.measures.map(({ schoolCode, ...m }) => ({
    id: ids.measures.of(m.code),
    districtId,
    schoolId: ids.schools.ofOptional(schoolCode),
    ...m,
  }))
  const teams: Prisma.TeamCreateManyInput[] = data.teams.map((t) => ({
    id: ids.teams.of(t.key),
    districtId,
    schoolId: ids.schools.of(t.schoolCode),
    name: t.name,
    description: t.description,
  }))
  return { schools, studentGroups, measures, teams }
}

export function peopleRows(data: DemoDistrict, ids: DemoIds, passwordHash: string) {
  const districtId = ids.district
  const users: Prisma.UserCreateManyInput[] = data.users.map((u) => ({
    id: ids.users.of(u.email),
    districtId,
    ...u,
  }))
  const passwords: Prisma.PasswordCreateManyInput[] = data.users.map((u) => ({
    userId: ids.users.of(u.email),
    hash: passwordHash,
  }))
  const memberships: Prisma.MembershipCreateManyInput[] = data.memberships.map((m) => ({
    districtId,
    userId: ids.users.of(m.userEmail),
    role: m.role,
    schoolId: ids.schools.ofOptional(m.schoolCode),
    teamId: ids.teams.ofOptional(m.teamKey),
  }))
  return { users, passwords, memberships }
}

export function planRows(data: DemoDistrict, ids: DemoIds) {
  const districtId = ids.district
  const districtGoals: Prisma.DistrictGoalCreateManyInput[] = data.districtGoals.map((g) => ({
    id: ids.districtGoals.of(g.code),
    districtId,
    code: g.code,
    title: g.title,
    description: g.description,
    ownerId: g.ownerEmail ? ids.users.of(g.ownerEmail) : null,
    startYear: g.startYear,
    endYear: g.endYear,
  }))
  const equityGoals: Prisma.EquityGoalCreateManyInput[] = data.equityGoals.map((g) => ({
    id: ids.goals.of(g.key),
    districtId,
    schoolId: ids.schools.of(g.schoolCode),
    teamId: ids.teams.ofOptional(g.teamKey),
    title: g.title,
    aimStatement: g.aimStatement,
    measureId: ids.measures.of(g.measureCode),
    focalGroupId: ids.groups.of(g.focalGroupCode),
    referenceKind: g.referenceKind,
    referenceGroupId: ids.groups.ofOptional(g.referenceGroupCode),
    baselineValue: g.baselineValue,
    baselineDate: date(g.baselineDate),
    targetValue: g.targetValue,
    targetDate: date(g.targetDate),
    baselineGap: g.baselineGap,
    targetGap: g.targetGap,
    status: g.status,
    createdById: g.createdByEmail ? ids.users.of(g.createdByEmail) : null,
    createdAt: instant(g.createdAt),
    updatedAt: instant(g.createdAt),
  }))
  const alignments: Prisma.EquityGoalAlignmentCreateManyInput[] = data.equityGoals.flatMap((g) =>
    g.districtGoalCodes.map((code) => ({
      equityGoalId: ids.goals.of(g.key),
      districtGoalId: ids.districtGoals.of(code),
      createdAt: instant(g.createdAt),
    })),
  )
  const driverRow = (n: DemoDistrict['driverNodes'][number]): Prisma.DriverNodeCreateManyInput => ({
    id: ids.drivers.of(n.key),
    districtId,
    goalId: ids.goals.of(n.goalKey),
    parentId: ids.drivers.ofOptional(n.parentKey),
    kind: n.kind,
    title: n.title,
    description: n.description,
    position: n.position,
  })
  const primaryDrivers = data.driverNodes.filter((n) => n.parentKey === null).map(driverRow)
  const secondaryDrivers = data.driverNodes.filter((n) => n.parentKey !== null).map(driverRow)
  const changeIdeas: Prisma.ChangeIdeaCreateManyInput[] = data.changeIdeas.map((c) => ({
    id: ids.ideas.of(c.key),
    districtId,
    goalId: ids.goals.of(c.goalKey),
    teamId: ids.teams.ofOptional(c.teamKey),
    title: c.title,
    description: c.description,
    status: c.status,
    mtssTier: c.mtssTier,
    evidenceLinks: c.evidenceLinks,
  }))
  const changeIdeaDrivers: Prisma.ChangeIdeaDriverCreateManyInput[] = data.changeIdeas.flatMap((c) =>
    c.driverKeys.map((key) => ({ changeIdeaId: ids.ideas.of(c.key), driverId: ids.drivers.of(key) })),
  )
  return {
    districtGoals,
    equityGoals,
    alignments,
    primaryDrivers,
    secondaryDrivers,
    changeIdeas,
    changeIdeaDrivers,
  }
}

function cycleRow(c: DemoCycle, ids: DemoIds): Prisma.PdsaCycleCreateManyInput {
  return {
    id: ids.cycles.of(c.key),
    districtId: ids.district,
    schoolId: ids.schools.of(c.schoolCode),
    teamId: ids.teams.of(c.teamKey),
    goalId: ids.goals.ofOptional(c.goalKey),
    changeIdeaId: ids.ideas.ofOptional(c.changeIdeaKey),
    previousCycleId: ids.cycles.ofOptional(c.previousCycleKey),
    cycleNumber: c.cycleNumber,
    title: c.title,
    ownerId: c.ownerEmail ? ids.users.of(c.ownerEmail) : null,
    testers: c.testers,
    purpose: c.purpose,
    scale: c.scale,
    stage: c.stage,
    plannedStart: date(c.plannedStart),
    plannedEnd: date(c.plannedEnd),
    actualStart: dateOrNull(c.actualStart),
    actualEnd: dateOrNull(c.actualEnd),
    lagDays: c.lagDays,
    objectiveText: c.objectiveText,
    hypothesisText: c.hypothesisText,
    questionsText: c.questionsText,
    predictionsText: c.predictionsText,
    planText: c.planText,
    dataCollectionText: c.dataCollectionText,
    doText: c.doText,
    studyText: c.studyText,
    actText: c.actText,
    carriedOutAsPlanned: c.carriedOutAsPlanned,
    predictionsConfirmed: c.predictionsConfirmed,
    decision: c.decision,
    spreadPlan: c.spreadPlan,
    createdById: c.createdByEmail ? ids.users.of(c.createdByEmail) : null,
    createdAt: instant(c.createdAt),
    updatedAt: instant(c.lastEditedAt),
    lastEditedAt: instant(c.lastEditedAt),
    stageChangedAt: instant(c.stageChangedAt),
  }
}

export function cycleRows(data: DemoDistrict, ids: DemoIds) {
  const numbers = [...new Set(data.cycles.map((c) => c.cycleNumber))].sort((a, b) => a - b)
  const cycleId = (c: DemoCycle) => ids.cycles.of(c.key)
  const groupId = (code: string | null) => ids.groups.ofOptional(code)
  return {
    /** Grouped by cycle number, so a ramp's previous cycle is always inserted first. */
    cyclesByNumber: numbers.map((n) =>
      data.cycles.filter((c) => c.cycleNumber === n).map((c) => cycleRow(c, ids)),
    ),
    questions: data.cycles.flatMap((c): Prisma.CycleQuestionCreateManyInput[] =>
      c.questions.map(({ measureCode, ...q }) => ({
        cycleId: cycleId(c),
        measureId: ids.measures.ofOptional(measureCode),
        ...q,
      })),
    ),
    tasks: data.cycles.flatMap((c): Prisma.CycleTaskCreateManyInput[] =>
      c.tasks.map((t) => ({ cycleId: cycleId(c), ...t, dueDate: dateOrNull(t.dueDate) })),
    ),
    measures: data.cycles.flatMap((c): Prisma.CycleMeasureCreateManyInput[] =>
      c.measures.map(({ measureCode, groupCode, ...m }) => ({
        cycleId: cycleId(c),
        measureId: ids.measures.of(measureCode),
        studentGroupId: groupId(groupCode),
        ...m,
      })),
    ),
    drivers: data.cycles.flatMap((c): Prisma.CycleDriverCreateManyInput[] =>
      c.driverKeys.map((key) => ({ cycleId: cycleId(c), driverId: ids.drivers.of(key) })),
    ),
  }
}

export function commentRows(data: DemoDistrict, ids: DemoIds) {
  const row = (c: DemoDistrict['comments'][number]): Prisma.CommentCreateManyInput => ({
    id: ids.comments.of(c.key),
    districtId: ids.district,
    cycleId: ids.cycles.ofOptional(c.cycleKey),
    goalId: ids.goals.ofOptional(c.goalKey),
    parentId: ids.comments.ofOptional(c.parentKey),
    authorId: ids.users.of(c.authorEmail),
    body: c.body,
    requiresResponse: c.requiresResponse,
    feedbackState:
      c.requiresResponse && c.parentKey === null ? (c.resolvedAt ? 'accepted' : 'requested') : null,
    resolvedAt: c.resolvedAt ? instant(c.resolvedAt) : null,
    resolvedById: c.resolvedByEmail ? ids.users.of(c.resolvedByEmail) : null,
    createdAt: instant(c.createdAt),
  })
  return {
    threads: data.comments.filter((c) => c.parentKey === null).map(row),
    replies: data.comments.filter((c) => c.parentKey !== null).map(row),
  }
}

/** An observation row, column by column as the bulk insert sends it. */
export interface ObservationRow {
  id: string
  districtId: string
  measureId: string
  schoolId: string
  studentGroupId: string
  period: string
  value: number
  numerator: number | null
  denominator: number | null
  /** Entered the Monday after its week (never in the future). */
  enteredAt: Date
}

export function observationRows(data: DemoDistrict, ids: DemoIds, now: Date): ObservationRow[] {
  return data.observations.map((o) => ({
    id: randomUUID(),
    districtId: ids.district,
    measureId: ids.measures.of(o.measureCode),
    schoolId: ids.schools.of(o.schoolCode),
    studentGroupId: ids.groups.of(o.groupCode),
    period: o.period,
    value: o.value,
    numerator: o.numerator,
    denominator: o.denominator,
    enteredAt: new Date(Math.min(date(o.period).getTime() + 7 * 86_400_000 + 6 * 3_600_000, now.getTime())),
  }))
}
