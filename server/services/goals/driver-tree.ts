import type { ChangeIdeaDto } from '../change-ideas/change-idea-dto.ts'

interface DriverRow {
  id: string
  parentId: string | null
  kind: 'primary' | 'secondary'
  title: string
  description: string
  position: number
}

/** Assembles drivers (ordered), change ideas and cycle→driver targets into the diagram's tree. */
export function getDriverTree(
  drivers: DriverRow[],
  changeIdeas: ChangeIdeaDto[],
  cycleTargets: { driverId: string; cycleId: string }[],
) {
  const cyclesOf = new Map<string, Set<string>>()
  for (const t of cycleTargets) {
    const set = cyclesOf.get(t.driverId) ?? new Set<string>()
    set.add(t.cycleId)
    cyclesOf.set(t.driverId, set)
  }
  const secondaryIds = new Set(drivers.filter((d) => d.kind === 'secondary').map((d) => d.id))
  const ideasOf = new Map<string, ChangeIdeaDto[]>()
  const unlinked: ChangeIdeaDto[] = []
  for (const idea of changeIdeas) {
    const links = idea.driverIds.filter((id) => secondaryIds.has(id))
    if (links.length === 0) unlinked.push(idea)
    for (const driverId of links) ideasOf.set(driverId, [...(ideasOf.get(driverId) ?? []), idea])
  }
  const node = (d: DriverRow) => ({
    id: d.id,
    title: d.title,
    description: d.description,
    position: d.position,
    cycleCount: cyclesOf.get(d.id)?.size ?? 0,
  })
  const primaries = drivers
    .filter((d) => d.kind === 'primary')
    .map((p) => {
      const secondaries = drivers
        .filter((s) => s.kind === 'secondary' && s.parentId === p.id)
        .map((s) => ({ ...node(s), parentId: p.id, changeIdeas: ideasOf.get(s.id) ?? [] }))
      // Cycles that target this driver or any of its secondary drivers, each counted once.
      const all = new Set(
        [p.id, ...secondaries.map((s) => s.id)].flatMap((id) => [...(cyclesOf.get(id) ?? [])]),
      )
      return { ...node(p), totalCycleCount: all.size, secondaries }
    })
  return { primaries, unlinkedChangeIdeas: unlinked }
}
