// Organisation administration, measures, observations and the audit log.
import { randomUUID } from 'node:crypto'
import { insertUser } from '../../factories/index.ts'
import { freshMonday } from '../../factories/observations.ts'
import type { ActorKey, AuthzCase } from './types.ts'

const everyone: ActorKey[] = [
  'admin',
  'leader',
  'coach',
  'lead',
  'member',
  'viewer',
  'otherTeamMember',
  'principal',
]
const admins: ActorKey[] = ['admin']
const districtLeads: ActorKey[] = ['admin', 'leader']
/** May enter school A's data: district leaders and admins, and team A's lead and member. */
const schoolAEntry: ActorKey[] = ['admin', 'leader', 'lead', 'member']
const schoolAReaders: ActorKey[] = ['admin', 'leader', 'coach', 'lead', 'member', 'viewer', 'principal']
const fresh = () => randomUUID().slice(0, 8)

export const adminCases: AuthzCase[] = [
  { path: 'org.schools', input: () => ({}), allow: everyone, ownDistrictOnly: true },
  {
    path: 'org.createSchool',
    input: () => ({ code: `S-${fresh()}`, name: 'Lakeside Elementary', level: 'elementary' }),
    allow: admins,
    ownDistrictOnly: true,
  },
  { path: 'org.updateSchool', input: (w) => ({ id: w.schoolB.id, gradeSpan: '9-12' }), allow: admins },
  {
    path: 'org.createTeam',
    input: (w) => ({ schoolId: w.schoolB.id, name: 'Literacy team' }),
    allow: admins,
  },
  {
    path: 'org.updateTeam',
    input: (w) => ({ id: w.teamB.id, description: 'Climate and belonging' }),
    allow: admins,
  },
  { path: 'org.users', input: () => undefined, allow: admins, ownDistrictOnly: true },
  {
    path: 'org.updateUser',
    // A fresh user each call: deactivating one of the world's users would change later cases.
    input: async (w, db) => ({ id: (await insertUser(db, w.district.id, [])).id, deactivated: true }),
    allow: admins,
  },
  {
    path: 'org.grantRole',
    input: async (w, db) => ({
      userId: (await insertUser(db, w.district.id, [])).id,
      role: 'viewer',
      schoolId: w.schoolA.id,
    }),
    allow: admins,
  },
  {
    path: 'org.revokeRole',
    input: async (w, db) => {
      const user = await insertUser(db, w.district.id, [{ role: 'viewer', schoolId: w.schoolA.id }])
      const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id } })
      return { membershipId: membership.id }
    },
    allow: admins,
  },
  { path: 'org.studentGroups', input: () => ({}), allow: everyone, ownDistrictOnly: true },
  {
    path: 'org.createStudentGroup',
    input: () => ({ code: `G${fresh()}`, name: 'Foster youth', category: 'program' }),
    allow: admins,
    ownDistrictOnly: true,
  },
  { path: 'org.updateStudentGroup', input: (w) => ({ id: w.groups.SED.id, sortOrder: 30 }), allow: admins },
  { path: 'org.districtSettings', input: () => undefined, allow: districtLeads, ownDistrictOnly: true },
  {
    path: 'org.updateDistrictSettings',
    input: () => ({ suppressionThreshold: 10 }),
    allow: admins,
    ownDistrictOnly: true,
  },
  { path: 'measure.list', input: () => ({}), allow: everyone, refusal: 'filtered' },
  { path: 'measure.byId', input: (w) => ({ id: w.measure.id }), allow: everyone },
  {
    path: 'measure.create',
    input: (w) => ({
      schoolId: w.schoolA.id,
      code: `CONTACTS-${fresh()}`,
      name: 'Family contacts made',
      family: 'process',
      unit: 'count',
      higherIsBetter: true,
      cadence: 'weekly',
    }),
    allow: schoolAEntry,
  },
  {
    path: 'measure.update',
    input: (w) => ({ id: w.measure.id, description: 'Share of enrolled students absent 10% or more.' }),
    allow: districtLeads,
  },
  {
    path: 'observation.list',
    input: (w) => ({ measureId: w.measure.id, schoolId: w.schoolA.id }),
    allow: schoolAReaders,
  },
  {
    // Raw values (small cells included) only for those who may enter the school's data (ADR 017).
    path: 'observation.entryGrid',
    input: (w) => ({ measureId: w.measure.id, schoolId: w.schoolA.id }),
    allow: schoolAEntry,
  },
  {
    path: 'observation.save',
    input: (w) => ({
      measureId: w.measure.id,
      schoolId: w.schoolA.id,
      observations: [
        { studentGroupId: w.groups.ALL.id, period: '2025-09-01', numerator: 5, denominator: 40 },
      ],
    }),
    allow: schoolAEntry,
  },
  {
    path: 'observation.delete',
    input: async (w, db) => {
      const row = await db.observation.create({
        data: {
          districtId: w.district.id,
          measureId: w.measure.id,
          schoolId: w.schoolA.id,
          studentGroupId: w.groups.EL.id,
          period: new Date(`${freshMonday()}T00:00:00.000Z`),
          value: 20,
          numerator: 4,
          denominator: 20,
          source: 'manual',
        },
      })
      return { ids: [row.id] }
    },
    allow: schoolAEntry,
  },
  { path: 'audit.list', input: () => ({}), allow: districtLeads, ownDistrictOnly: true },
]
