// Full-text search over the district's cycles with PostgreSQL's own text search (works on PGlite too):
// the title and change idea weigh most, then objective, hypothesis and scale, then every other narrative
// section, the spread plan and the questions with their predictions, results and learning.
// No index: a district has hundreds of cycles, and to_tsvector over them takes milliseconds.
import type { CycleStage } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { Prisma } from '../../db/generated/client.ts'

export const HIGHLIGHT_START = '[[['
export const HIGHLIGHT_STOP = ']]]'

export interface CycleSearchFilters {
  q: string
  studentGroupId?: string | undefined
  measureId?: string | undefined
  stage?: CycleStage | undefined
}

export interface CycleSearchHit {
  id: string
  rank: number
  snippet: string
}

const BODY = Prisma.sql`concat_ws(' ', c."objectiveText", c."hypothesisText", c."questionsText", c."predictionsText",
  c."planText", c."dataCollectionText", c."doText", c."studyText", c."actText", c."spreadPlan", q.text)`

function filtersSql(districtId: string, f: CycleSearchFilters) {
  const parts = [Prisma.sql`c."districtId" = ${districtId}::uuid`]
  if (f.stage) parts.push(Prisma.sql`c.stage = ${f.stage}::"CycleStage"`)
  if (f.measureId) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "CycleMeasure" cm
      WHERE cm."cycleId" = c.id AND cm."measureId" = ${f.measureId}::uuid)`)
  }
  if (f.studentGroupId) {
    parts.push(Prisma.sql`(EXISTS (SELECT 1 FROM "CycleMeasure" cm
        WHERE cm."cycleId" = c.id AND cm."studentGroupId" = ${f.studentGroupId}::uuid)
      OR EXISTS (SELECT 1 FROM "EquityGoal" g
        WHERE g.id = c."goalId" AND g."focalGroupId" = ${f.studentGroupId}::uuid))`)
  }
  return Prisma.join(parts, ' AND ')
}

/** Matching cycle ids, best first (newest first without words), at most `cap`, with a highlighted snippet. */
export async function findCycles(
  db: DbTx,
  districtId: string,
  f: CycleSearchFilters,
  cap: number,
): Promise<CycleSearchHit[]> {
  const where = filtersSql(districtId, f)
  const from = Prisma.sql`"PdsaCycle" c
    LEFT JOIN "ChangeIdea" ci ON ci.id = c."changeIdeaId"
    LEFT JOIN LATERAL (
      SELECT string_agg(concat_ws(' ', x.question, x.prediction, x.result, x.learning), ' ' ORDER BY x.position) AS text
      FROM "CycleQuestion" x WHERE x."cycleId" = c.id
    ) q ON true`
  if (!f.q) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT c.id::text AS id FROM ${from} WHERE ${where}
      ORDER BY c."lastEditedAt" DESC, c.id LIMIT ${cap}`
    return rows.map((r) => ({ id: r.id, rank: 0, snippet: '' }))
  }
  const options = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`
  const rows = await db.$queryRaw<{ id: string; rank: number; snippet: string }[]>`
    WITH docs AS (
      SELECT c.id, c."lastEditedAt", ${BODY} AS body,
        setweight(to_tsvector('english', concat_ws(' ', c.title, ci.title)), 'A') ||
        setweight(to_tsvector('english', concat_ws(' ', c."objectiveText", c."hypothesisText", c.scale, ci.description)), 'B') ||
        setweight(to_tsvector('english', ${BODY}), 'C') AS doc
      FROM ${from}
      WHERE ${where}
    ), query AS (SELECT websearch_to_tsquery('english', ${f.q}) AS query)
    SELECT d.id::text AS id, ts_rank(d.doc, query.query)::float8 AS rank,
      ts_headline('english', d.body, query.query, ${options}) AS snippet
    FROM docs d, query
    WHERE d.doc @@ query.query
    ORDER BY rank DESC, d."lastEditedAt" DESC, d.id
    LIMIT ${cap}`
  return rows.map((r) => ({ id: r.id, rank: Number(r.rank), snippet: r.snippet }))
}

/** Change ideas whose title or description match (with the group and measure of their goal or cycles). */
export async function findChangeIdeas(
  db: DbTx,
  districtId: string,
  f: Pick<CycleSearchFilters, 'q' | 'studentGroupId' | 'measureId'>,
  cap: number,
): Promise<string[]> {
  if (!f.q) return []
  const parts = [Prisma.sql`i."districtId" = ${districtId}::uuid`]
  if (f.studentGroupId) parts.push(Prisma.sql`g."focalGroupId" = ${f.studentGroupId}::uuid`)
  if (f.measureId) {
    parts.push(Prisma.sql`(g."measureId" = ${f.measureId}::uuid OR EXISTS (SELECT 1 FROM "PdsaCycle" c
      JOIN "CycleMeasure" cm ON cm."cycleId" = c.id
      WHERE c."changeIdeaId" = i.id AND cm."measureId" = ${f.measureId}::uuid))`)
  }
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT i.id::text AS id
    FROM "ChangeIdea" i JOIN "EquityGoal" g ON g.id = i."goalId",
      websearch_to_tsquery('english', ${f.q}) query,
      LATERAL (SELECT setweight(to_tsvector('english', i.title), 'A') ||
        setweight(to_tsvector('english', i.description), 'B') AS doc) d
    WHERE ${Prisma.join(parts, ' AND ')} AND d.doc @@ query
    ORDER BY ts_rank(d.doc, query) DESC, i."updatedAt" DESC, i.id
    LIMIT ${cap}`
  return rows.map((r) => r.id)
}
