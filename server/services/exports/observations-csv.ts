// A measure's observations as CSV, one row per school × period × student group, as released
// (docs/decisions/017): the numbers of a cell are written only when the series' one release decision —
// the one every chart, table and gap view reads — shows it, whoever asks. A cell below the threshold is
// written "n<10", one hidden so that another cannot be worked out is written "suppressed" (with the
// reason: complementary, audit, year_to_date), one released as a range is written "≤5%" / "≥95%" with
// blank counts ("coded").
import { type Actor, canReadSchool, type ExportObservationsInput, forbidden, notFound } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { loadPrivacyContext } from '../analytics/privacy-context.ts'
import { loadSeriesReleases, type ReleasedCell, seriesKeyOf } from '../analytics/release.ts'
import { fromIsoDate, toIsoDate } from '../shared.ts'
import { csvFileName, toCsv } from './csv.ts'

export const OBSERVATION_EXPORT_FIELDS = [
  'measure',
  'measure_name',
  'school',
  'school_name',
  'period',
  'student_group',
  'student_group_name',
  'value',
  'numerator',
  'denominator',
  'suppressed',
  'source',
] as const

/** At most this many observations in one file (a measure over every school for many years fits). */
export const OBSERVATION_EXPORT_MAX_ROWS = 500_000

export async function exportObservationsCsv({
  db,
  actor,
  now,
  measureId,
  schoolIds,
  studentGroupIds,
  from,
  to,
}: { db: DbTx; actor: Actor; now: Date } & ExportObservationsInput) {
  const measure = await db.measure.findFirst({
    where: { id: measureId, districtId: actor.districtId },
    select: { id: true, code: true, name: true, schoolId: true },
  })
  if (!measure) throw notFound('Measure')
  if (measure.schoolId && !canReadSchool(actor, measure.schoolId)) throw notFound('Measure')
  const schools = await db.school.findMany({
    where: { districtId: actor.districtId, ...(schoolIds ? { id: { in: schoolIds } } : {}) },
    select: { id: true, code: true, name: true },
    orderBy: { name: 'asc' },
  })
  if (schoolIds && schools.length !== new Set(schoolIds).size) throw notFound('School')
  const readable = schools.filter((s) => canReadSchool(actor, s.id))
  if (schoolIds && readable.length < schools.length) {
    throw forbidden('You do not have access to the data of every school you asked for.')
  }
  if (readable.length === 0) throw forbidden('You do not have access to any school’s data.')
  const privacy = await loadPrivacyContext(db, actor)
  const { threshold, groups, groupById: groupOf } = privacy
  if (studentGroupIds?.some((id) => !groupOf.has(id))) throw notFound('Student group')
  const rows = await db.observation.findMany({
    where: {
      districtId: actor.districtId,
      measureId: measure.id,
      schoolId: { in: readable.map((s) => s.id) },
      ...(from || to
        ? { period: { ...(from ? { gte: fromIsoDate(from) } : {}), ...(to ? { lte: fromIsoDate(to) } : {}) } }
        : {}),
    },
    select: {
      schoolId: true,
      studentGroupId: true,
      period: true,
      source: true,
    },
    take: OBSERVATION_EXPORT_MAX_ROWS + 1,
  })
  if (rows.length > OBSERVATION_EXPORT_MAX_ROWS) {
    throw forbidden(
      `More than ${OBSERVATION_EXPORT_MAX_ROWS.toLocaleString('en-US')} observations match: choose fewer schools or a shorter date range.`,
    )
  }
  const releases = await loadSeriesReleases({
    db,
    districtId: actor.districtId,
    keys: readable.map((school) => ({ measureId: measure.id, schoolId: school.id })),
    privacy,
  })
  const releasedCell = (r: (typeof rows)[number]) =>
    releases
      .get(seriesKeyOf({ measureId: measure.id, schoolId: r.schoolId }))
      ?.cells.get(toIsoDate(r.period))
      ?.get(r.studentGroupId)
  const schoolOf = new Map(readable.map((s) => [s.id, s]))
  const wanted = studentGroupIds ? new Set(studentGroupIds) : null
  const smallCell = `n<${threshold}`
  const out = rows
    .filter((r) => !wanted || wanted.has(r.studentGroupId))
    .map((r) => ({
      r,
      school: schoolOf.get(r.schoolId) as { code: string; name: string },
      group: groupOf.get(r.studentGroupId) as (typeof groups)[number],
      period: toIsoDate(r.period),
    }))
    .sort(
      (a, b) =>
        a.school.name.localeCompare(b.school.name) ||
        a.period.localeCompare(b.period) ||
        a.group.sortOrder - b.group.sortOrder ||
        a.group.code.localeCompare(b.group.code),
    )
    .map(({ r, school, group, period }) => {
      const cell = releasedCell(r)
      const [value, numerator, denominator, suppressed] = releasedColumns(cell, smallCell)
      return [
        measure.code,
        measure.name,
        school.code,
        school.name,
        period,
        group.code,
        group.name,
        value,
        numerator,
        denominator,
        suppressed,
        r.source,
      ]
    })
  const suppressedCount = out.filter((row) => row[10] !== '').length
  return {
    fileName: csvFileName(['observations', measure.code], now),
    csv: toCsv(OBSERVATION_EXPORT_FIELDS, out),
    rowCount: out.length,
    suppressedCount,
    suppressionThreshold: threshold,
  }
}

const BOUND_SIGN = { at_most: '≤', at_least: '≥' } as const

/** value, numerator, denominator and suppressed columns of a released cell (hidden when unknown). */
function releasedColumns(
  cell: ReleasedCell | undefined,
  smallCell: string,
): [string | number | null, number | null, number | null, string] {
  const decision = cell?.decision ?? { kind: 'suppressed', reason: 'primary' }
  switch (decision.kind) {
    case 'shown':
      return [cell?.value ?? null, cell?.numerator ?? null, cell?.denominator ?? null, '']
    case 'coded':
      return [`${BOUND_SIGN[decision.bound]}${decision.percent}%`, null, null, 'coded']
    case 'suppressed':
      return decision.reason === 'primary'
        ? [smallCell, null, null, smallCell]
        : ['suppressed', null, null, decision.reason]
  }
}
