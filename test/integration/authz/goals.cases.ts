// Goals, driver diagrams, change ideas and district goals (the coach/district read views: portfolio.cases.ts).
import { randomUUID } from 'node:crypto'
import { insertGoal, type World } from '../../factories/index.ts'
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
const teamAReaders = ['admin', 'leader', 'coach', 'lead', 'member', 'viewer', 'principal'] as const
const teamAEditors = ['lead', 'member'] as const
const districtLeads = ['admin', 'leader'] as const

const freshGoal = (w: World, db: Parameters<AuthzCase['input']>[1]) =>
  insertGoal(db, {
    districtId: w.district.id,
    schoolId: w.schoolA.id,
    teamId: w.teamA.id,
    measureId: w.measure.id,
    focalGroupId: w.groups.EL.id,
  })

let createdGoals = 0

export const goalCases: AuthzCase[] = [
  { path: 'goal.list', input: (w) => ({ teamId: w.teamA.id }), allow: everyone, refusal: 'filtered' },
  { path: 'goal.byId', input: (w) => ({ id: w.goal.id }), allow: teamAReaders },
  { path: 'goal.diagram', input: (w) => ({ id: w.goal.id }), allow: teamAReaders },
  { path: 'goal.formOptions', input: (w) => ({ schoolId: w.schoolA.id }), allow: teamAReaders },
  {
    path: 'goal.dataBaseline',
    input: (w) => ({
      schoolId: w.schoolA.id,
      measureId: w.measure.id,
      focalGroupId: w.groups.AA.id,
      referenceKind: 'all_students',
      baselineDate: '2025-09-01',
    }),
    allow: teamAReaders,
  },
  {
    path: 'goal.create',
    input: (w) => ({
      schoolId: w.schoolA.id,
      teamId: w.teamA.id,
      title: 'Suspensions of SED students',
      measureId: w.measure.id,
      focalGroupId: w.groups.SED.id,
      referenceKind: 'all_other_students',
      baselineValue: 6,
      baselineDate: '2025-09-01',
      targetValue: 4,
      // A target in a new school year per call: a second live goal with the same aim is refused (ADR 025).
      targetDate: `${2030 + createdGoals++}-06-01`,
    }),
    allow: teamAEditors,
  },
  { path: 'goal.update', input: (w) => ({ id: w.goal.id, title: 'Renamed goal' }), allow: teamAEditors },
  {
    path: 'goal.archive',
    input: async (w, db) => ({ id: (await freshGoal(w, db)).id, archived: true }),
    allow: ['lead', 'admin'],
  },
  {
    path: 'driver.create',
    input: (w) => ({ goalId: w.goal.id, kind: 'primary', title: 'Classroom belonging' }),
    allow: teamAEditors,
  },
  {
    path: 'driver.update',
    input: (w) => ({ id: w.primary.id, description: 'Families hear from school before problems grow.' }),
    allow: teamAEditors,
  },
  {
    path: 'driver.delete',
    input: async (w, db) => {
      const driver = await db.driverNode.create({
        data: { districtId: w.district.id, goalId: w.goal.id, kind: 'primary', title: 'To delete' },
      })
      return { id: driver.id }
    },
    allow: teamAEditors,
  },
  { path: 'changeIdea.list', input: (w) => ({ goalId: w.goal.id }), allow: teamAReaders },
  { path: 'changeIdea.byId', input: (w) => ({ id: w.changeIdea.id }), allow: teamAReaders },
  {
    path: 'changeIdea.create',
    input: (w) => ({ goalId: w.goal.id, title: 'Attendance buddies', driverIds: [w.secondary.id] }),
    allow: teamAEditors,
  },
  {
    path: 'changeIdea.update',
    input: (w) => ({ id: w.changeIdea.id, mtssTier: 2 }),
    allow: teamAEditors,
  },
  {
    path: 'changeIdea.delete',
    input: async (w, db) => {
      const idea = await db.changeIdea.create({
        data: { districtId: w.district.id, goalId: w.goal.id, teamId: w.teamA.id, title: 'To delete' },
      })
      return { id: idea.id }
    },
    allow: teamAEditors,
  },
  { path: 'districtGoal.list', input: () => ({}), allow: everyone, ownDistrictOnly: true },
  {
    path: 'districtGoal.create',
    // A fresh code per call: creating twice with one code is a (non-authorization) validation error.
    input: () => ({
      code: `DG-${randomUUID().slice(0, 8)}`,
      title: 'Literacy',
      startYear: 2025,
      endYear: 2028,
    }),
    allow: districtLeads,
    ownDistrictOnly: true,
  },
  {
    path: 'districtGoal.update',
    input: (w) => ({ id: w.districtGoal.id, description: 'Every student engaged.' }),
    allow: districtLeads,
  },
]
