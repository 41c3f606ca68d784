import { freshMonday } from '../../factories/observations.ts'
import { callerFor } from '../../utils/caller.ts'
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
const importers = ['admin', 'leader', 'lead', 'member', 'otherTeamMember'] as const
const teamAReaders = ['admin', 'leader', 'coach', 'lead', 'member', 'viewer', 'principal'] as const

/** A one-row file for the home world's measure at school A (codes of another district never resolve). */
const file = (w: Parameters<AuthzCase['input']>[0], period: string) => ({
  fileName: 'authz.csv',
  contentBase64: Buffer.from(
    `measure,school,period,student_group,numerator,denominator\n${w.measure.code},${w.schoolA.code},${period},ALL,1,50\n`,
  ).toString('base64'),
})

export const dataCases: AuthzCase[] = [
  { path: 'data.options', input: () => undefined, allow: everyone, ownDistrictOnly: true },
  {
    path: 'data.previewImport',
    input: (w) => file(w, '2025-09-01'),
    allow: importers,
    ownDistrictOnly: true,
  },
  {
    // valid_only: rows for a school the caller may not enter data for are refused (BAD_REQUEST, not authz).
    path: 'data.commitImport',
    input: (w) => ({ ...file(w, '2025-09-08'), mode: 'valid_only' }),
    allow: importers,
    ownDistrictOnly: true,
  },
  {
    path: 'data.importProgress',
    input: () => ({ uploadId: 'authz-progress-1' }),
    allow: everyone,
    ownDistrictOnly: true,
  },
  {
    path: 'data.importHistory',
    input: () => ({ limit: 5 }),
    allow: everyone,
    refusal: 'filtered',
    ownDistrictOnly: true,
  },
  {
    // A fresh import by the team member for every caller: only its importer and a district admin may undo it.
    path: 'data.undoImport',
    input: async (w, db) => {
      const result = await callerFor(db, w.actors.member).data.commitImport({
        ...file(w, freshMonday()),
        mode: 'all',
      })
      return { batchId: result.batchId }
    },
    allow: ['admin', 'member'],
  },
  { path: 'data.exportObservations', input: (w) => ({ measureId: w.measure.id }), allow: everyone },
  { path: 'data.exportCycles', input: (w) => ({ teamId: w.teamA.id }), allow: teamAReaders },
]
