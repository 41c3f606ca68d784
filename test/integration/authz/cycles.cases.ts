import type { Db } from '../../../server/db/client.ts'
import { insertCycle, type World } from '../../factories/index.ts'
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
const commenters = ['admin', 'leader', 'coach', 'lead', 'member'] as const

/** A fresh cycle on team A, for mutations that consume their target (transition, delete). */
async function freshCycle(w: World, db: Db, withPlan = false) {
  const cycle = await insertCycle(db, {
    districtId: w.district.id,
    schoolId: w.schoolA.id,
    teamId: w.teamA.id,
    goalId: w.goal.id,
  })
  if (withPlan) {
    await db.pdsaCycle.update({
      where: { id: cycle.id },
      data: { objectiveText: 'Learn whether texts help.' },
    })
    await db.cycleQuestion.create({
      data: { cycleId: cycle.id, position: 0, question: 'Will families reply?', prediction: 'Half will.' },
    })
  }
  return cycle
}

async function freshFeedback(w: World, db: Db) {
  return db.comment.create({
    data: {
      districtId: w.district.id,
      cycleId: w.cycle.id,
      authorId: w.users.coach.id,
      body: 'Which students will you start with?',
      requiresResponse: true,
      feedbackState: 'requested',
    },
  })
}

/** Feedback the team has replied to: the state in which its author may accept the reply. */
async function repliedFeedback(w: World, db: Db) {
  const asked = await freshFeedback(w, db)
  return db.comment.update({ where: { id: asked.id }, data: { feedbackState: 'replied' } })
}

export const cycleCases: AuthzCase[] = [
  { path: 'cycle.list', input: (w) => ({ teamId: w.teamA.id }), allow: everyone, refusal: 'filtered' },
  { path: 'cycle.board', input: (w) => ({ teamId: w.teamA.id }), allow: teamAReaders },
  { path: 'cycle.byId', input: (w) => ({ id: w.cycle.id }), allow: teamAReaders },
  { path: 'cycle.formOptions', input: (w) => ({ teamId: w.teamA.id }), allow: teamAReaders },
  { path: 'cycle.snapshots', input: (w) => ({ cycleId: w.cycle.id }), allow: teamAReaders },
  {
    path: 'cycle.snapshotById',
    input: async (w, db) => {
      const snapshot = await db.cycleSnapshot.create({
        data: { cycleId: w.cycle.id, fromStage: 'plan', toStage: 'do', content: { version: 1 } },
      })
      return { id: snapshot.id }
    },
    allow: teamAReaders,
  },
  {
    path: 'cycle.create',
    input: (w) => ({
      teamId: w.teamA.id,
      title: 'Morning greeting at the door',
      goalId: w.goal.id,
      plannedStart: '2026-11-02',
      plannedEnd: '2026-11-13',
    }),
    allow: teamAEditors,
  },
  {
    path: 'cycle.update',
    input: (w) => ({ id: w.cycle.id, scale: 'Two advisory classes' }),
    allow: teamAEditors,
  },
  {
    path: 'cycle.updateNarrative',
    input: (w) => ({ id: w.cycle.id, section: 'objective', text: 'Learn whether a personal text helps.' }),
    allow: teamAEditors,
  },
  {
    path: 'cycle.saveQuestions',
    input: (w) => ({
      id: w.cycle.id,
      questions: [{ question: 'Will families reply?', prediction: 'Half.' }],
    }),
    allow: teamAEditors,
  },
  {
    path: 'cycle.saveTasks',
    input: (w) => ({ id: w.cycle.id, tasks: [{ what: 'Draft the text message', who: 'Ms. Rivera' }] }),
    allow: teamAEditors,
  },
  {
    path: 'cycle.saveMeasures',
    input: (w) => ({
      id: w.cycle.id,
      measures: [{ measureId: w.measure.id, expectedDirection: 'decrease' }],
    }),
    allow: teamAEditors,
  },
  {
    path: 'cycle.transition',
    input: async (w, db) => ({ id: (await freshCycle(w, db, true)).id, to: 'do' }),
    allow: teamAEditors,
  },
  {
    path: 'cycle.moveBack',
    input: async (w, db) => {
      const cycle = await freshCycle(w, db, true)
      await db.pdsaCycle.update({ where: { id: cycle.id }, data: { stage: 'do' } })
      return { id: cycle.id, from: 'do', reason: 'The start was recorded by mistake.' }
    },
    // The team lead only: not members, not admins or district leaders (a correction of the team's record).
    allow: ['lead'],
  },
  {
    path: 'cycle.delete',
    input: async (w, db) => ({ id: (await freshCycle(w, db)).id }),
    allow: ['lead', 'admin'],
  },
  { path: 'comment.list', input: (w) => ({ cycleId: w.cycle.id }), allow: teamAReaders },
  {
    path: 'comment.create',
    input: (w) => ({ cycleId: w.cycle.id, body: 'Nice plan.' }),
    allow: commenters,
  },
  {
    path: 'comment.acceptReply',
    input: async (w, db) => ({ id: (await repliedFeedback(w, db)).id }),
    allow: ['coach'],
  },
  {
    path: 'comment.reopen',
    input: async (w, db) => ({ id: (await repliedFeedback(w, db)).id }),
    allow: ['coach'],
  },
  {
    path: 'comment.delete',
    input: async (w, db) => ({ id: (await freshFeedback(w, db)).id }),
    allow: ['coach'],
  },
]
