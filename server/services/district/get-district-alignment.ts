import { type Actor, canLeadDistrict, canReadDistrict, SEVERITY_RULE } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { assertAllowed } from '../shared.ts'
import { loadAlignmentData } from './alignment-data.ts'
import { alignmentFlags } from './alignment-flags.ts'
import { buildAlignmentTree } from './alignment-tree.ts'
import { LARGE_GAP_RULE } from './group-gaps.ts'

/**
 * The alignment audit: the tree district goal → school and team goals → change ideas → cycles → measures
 * with counts and verdicts at each level, and the findings a district leader must act on (goals aligned
 * to nothing, district goals without goals or active cycles, groups with large gaps that no goal names,
 * targets that move the wrong way, cycles without a measure). For district-wide readers.
 */
export async function getDistrictAlignment({ db, actor }: { db: DbTx; actor: Actor }) {
  assertAllowed(canReadDistrict(actor), 'The alignment audit is for district staff.')
  const data = await loadAlignmentData(db, actor, { cycleVerdicts: true })
  const tree = buildAlignmentTree(data)
  const flags = alignmentFlags(data, tree)
  return {
    district: { id: data.district.id, name: data.district.name },
    canExport: canLeadDistrict(actor),
    largeGapRule: LARGE_GAP_RULE,
    severityRule: SEVERITY_RULE,
    districtGoals: tree.districtGoals,
    unaligned: tree.unaligned,
    flags,
    totals: {
      schools: data.schools.length,
      districtGoals: data.districtGoals.length,
      goals: data.goals.length,
      changeIdeas: data.changeIdeas.length,
      cycles: data.cycles.length,
      flags: flags.length,
    },
  }
}
export type DistrictAlignment = Awaited<ReturnType<typeof getDistrictAlignment>>
