// The command palette's search (ADR 026): goals, cycles, measures and teams whose names match the words
// typed, typos allowed (word trigram similarity, packages/domain fuzzy.ts). Only what the user may open:
// the candidates are read through the same tenancy and read scope as the pages they lead to, and checked
// again one by one with the domain's read rules.
import {
  type Actor,
  canReadGoal,
  canReadSchool,
  canReadTeam,
  type QuickSearchInput,
  rankFuzzy,
  readableScope,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

/** Candidates read per kind: far more than a district holds of names a person would type. */
const CANDIDATES = 5000

export type QuickSearchKind = 'goal' | 'cycle' | 'measure' | 'team'

export interface QuickSearchHit {
  kind: QuickSearchKind
  id: string
  title: string
  /** Where it is: school and team, or the measure's family. */
  context: string
  path: string
  score: number
}

export async function quickSearch({
  db,
  actor,
  q,
  limit,
}: { db: DbTx; actor: Actor } & QuickSearchInput): Promise<QuickSearchHit[]> {
  const districtId = actor.districtId
  const scope = readableScope(actor)
  const within = scope.all
    ? {}
    : { OR: [{ schoolId: { in: scope.schoolIds } }, { teamId: { in: scope.teamIds } }] }
  const [goals, cycles, measures, teams] = await Promise.all([
    db.equityGoal.findMany({
      where: { districtId, status: { not: 'archived' }, ...within },
      select: {
        id: true,
        title: true,
        schoolId: true,
        teamId: true,
        school: { select: { name: true } },
        measure: { select: { name: true } },
      },
      take: CANDIDATES,
    }),
    db.pdsaCycle.findMany({
      where: { districtId, ...within },
      select: {
        id: true,
        title: true,
        schoolId: true,
        teamId: true,
        team: { select: { name: true } },
        school: { select: { name: true } },
      },
      orderBy: { lastEditedAt: 'desc' },
      take: CANDIDATES,
    }),
    db.measure.findMany({
      where: {
        districtId,
        archivedAt: null,
        ...(scope.all ? {} : { OR: [{ schoolId: null }, { schoolId: { in: readableSchools(actor) } }] }),
      },
      select: { id: true, name: true, code: true, family: true, schoolId: true },
      take: CANDIDATES,
    }),
    db.team.findMany({
      where: {
        districtId,
        archivedAt: null,
        ...(scope.all ? {} : { OR: [{ schoolId: { in: scope.schoolIds } }, { id: { in: scope.teamIds } }] }),
      },
      select: { id: true, name: true, schoolId: true, school: { select: { name: true } } },
      take: CANDIDATES,
    }),
  ])
  const items: Omit<QuickSearchHit, 'score'>[] = [
    ...goals
      .filter((g) => canReadGoal(actor, g))
      .map((g) => ({
        kind: 'goal' as const,
        id: g.id,
        title: g.title,
        context: `${g.school.name} · ${g.measure.name}`,
        path: `/goals/${g.id}`,
      })),
    ...cycles
      .filter((c) => canReadTeam(actor, c))
      .map((c) => ({
        kind: 'cycle' as const,
        id: c.id,
        title: c.title,
        context: `${c.school.name} · ${c.team.name}`,
        path: `/cycles/${c.id}`,
      })),
    ...measures
      .filter((m) => m.schoolId === null || canReadSchool(actor, m.schoolId))
      .map((m) => ({
        kind: 'measure' as const,
        id: m.id,
        title: m.name,
        context: `Measure · ${m.family} · ${m.code}`,
        path: `/measures/${m.id}`,
      })),
    ...teams
      .filter((t) => canReadTeam(actor, { schoolId: t.schoolId, teamId: t.id }))
      .map((t) => ({
        kind: 'team' as const,
        id: t.id,
        title: t.name,
        context: t.school.name,
        path: `/teams/${t.id}`,
      })),
  ]
  return rankFuzzy(q, items, (i) => (i.kind === 'measure' ? `${i.title} ${i.context}` : i.title), limit).map(
    ({ item, score }) => ({ ...item, score }),
  )
}

function readableSchools(actor: Actor): string[] {
  return [...new Set(actor.grants.flatMap((g) => (g.schoolId ? [g.schoolId] : [])))]
}
