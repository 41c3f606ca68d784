// The alignment report as CSV, for board reports and state plans: one row per school or team goal with
// the district goals it serves, its change ideas, its cycles by stage, the measures they link, their
// verdicts, the goal's gap verdict and the audit's findings about it.
import {
  type Actor,
  CYCLE_STAGES,
  CYCLE_VERDICT_LABELS,
  canLeadDistrict,
  FINDING_KIND_LABELS,
  GAP_VERDICT_LABELS,
  notFound,
} from '@pdsa/domain'
import Papa from 'papaparse'
import type { DbTx } from '../../db/client.ts'
import { loadAlignmentData } from '../district/alignment-data.ts'
import { type AlignmentFlag, alignmentFlags } from '../district/alignment-flags.ts'
import { type AlignmentGoalNode, buildAlignmentTree, type VerdictCounts } from '../district/alignment-tree.ts'
import { assertAllowed, toIsoDate } from '../shared.ts'

const FIELDS = [
  'School',
  'Team',
  'Goal',
  'Goal status',
  'Focal student group',
  'Goal measure',
  'District goals',
  'Change ideas',
  'Cycles',
  ...CYCLE_STAGES.map((s) => `Cycles in ${s}`),
  'Measures linked by cycles',
  'Cycle verdicts',
  'Gap verdict',
  // One entry per finding, in the same order in the three columns (most severe first), separated by " | ".
  'Finding types',
  'Finding severities',
  'Findings',
]

const joinFindings = (flags: readonly AlignmentFlag[]) => [
  flags.map((f) => FINDING_KIND_LABELS[f.kind]).join(' | '),
  flags.map((f) => f.severity).join(' | '),
  flags.map((f) => f.message).join(' | '),
]

function verdictText(v: VerdictCounts): string {
  return (Object.keys(v) as (keyof VerdictCounts)[])
    .filter((k) => v[k] > 0)
    .map((k) => `${v[k]} ${CYCLE_VERDICT_LABELS[k].toLowerCase()}`)
    .join('; ')
}

const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** A finding at the school, or about the district as a whole (kept under every school filter). */
export const isOfSchool = (f: AlignmentFlag, schoolId: string) =>
  f.schoolId === schoolId || f.schoolId === null

function allCycles(goal: AlignmentGoalNode) {
  return [...goal.changeIdeas.flatMap((i) => i.cycles), ...goal.otherCycles]
}

/**
 * District leaders and admins. Returns the file name and the CSV text (UTF-8 with a byte-order mark).
 * With `schoolId`, only that school's goals and findings, plus the district-wide findings — the same
 * rows the alignment page shows under its school filter.
 */
export async function exportAlignmentCsv({
  db,
  actor,
  now,
  schoolId,
}: {
  db: DbTx
  actor: Actor
  now: Date
  schoolId: string | null
}) {
  assertAllowed(canLeadDistrict(actor), 'Only district leaders and admins can export the alignment report.')
  const data = await loadAlignmentData(db, actor, { cycleVerdicts: true })
  const school = schoolId ? data.schools.find((s) => s.id === schoolId) : null
  if (schoolId && !school) throw notFound('School')
  const tree = buildAlignmentTree(data)
  const flags = alignmentFlags(data, tree).filter((f) => !school || isOfSchool(f, school.id))
  const codeOf = new Map(data.districtGoals.map((d) => [d.id, `${d.code} ${d.title}`]))
  const rows = tree.goals
    .filter((g) => !school || g.school.id === school.id)
    .sort((a, b) => a.school.name.localeCompare(b.school.name) || a.title.localeCompare(b.title))
    .map((g) => {
      const measures = [...new Set(allCycles(g).flatMap((c) => c.measures.map((m) => m.name)))]
      return [
        g.school.name,
        g.team?.name ?? '(school goal)',
        g.title,
        g.status,
        g.focalGroupName,
        g.measure.name,
        g.districtGoalIds.map((id) => codeOf.get(id) ?? '').join('; ') || '(none)',
        g.changeIdeas.map((i) => `${i.title} (${i.status})`).join('; '),
        g.cycleCount,
        ...CYCLE_STAGES.map((s) => g.stages[s]),
        measures.join('; '),
        verdictText(g.verdicts),
        g.gap ? GAP_VERDICT_LABELS[g.gap.verdict] : '',
        ...joinFindings(flags.filter((f) => f.goalId === g.id)),
      ]
    })
  // Findings that concern no single goal (district goals without goals, groups no goal names).
  const schoolName = new Map(data.schools.map((s) => [s.id, s.name]))
  const other = flags
    .filter((f) => f.goalId === null)
    .map((f) => {
      const row: (string | number)[] = FIELDS.map(() => '')
      row[0] = f.schoolId ? (schoolName.get(f.schoolId) ?? '') : '(district)'
      row.splice(FIELDS.length - 3, 3, ...joinFindings([f]))
      return row
    })
  const csv = Papa.unparse(
    { fields: FIELDS, data: [...rows, ...other] },
    { escapeFormulae: true, newline: '\r\n' },
  )
  const slug = slugify(data.district.name)
  const schoolSlug = school ? `-${slugify(school.name)}` : ''
  return {
    filename: `alignment-${slug || 'district'}${schoolSlug}-${toIsoDate(now)}.csv`,
    csv: `\uFEFF${csv}`,
  }
}
