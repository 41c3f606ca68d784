// Database ids for the demo district's codes and keys (UUIDs generated here, not in the pure package).
import { randomUUID } from 'node:crypto'
import type { DemoDistrict } from '@pdsa/demo-district'

export class IdMap {
  private readonly ids = new Map<string, string>()

  constructor(private readonly kind: string) {}

  /** The id of `key`, created on first use. */
  assign(key: string): string {
    let id = this.ids.get(key)
    if (!id) {
      id = randomUUID()
      this.ids.set(key, id)
    }
    return id
  }

  /** The id of a key that must already exist. */
  of(key: string): string {
    const id = this.ids.get(key)
    if (!id) throw new Error(`Demo seed: unknown ${this.kind} "${key}"`)
    return id
  }

  ofOptional(key: string | null): string | null {
    return key === null ? null : this.of(key)
  }
}

export interface DemoIds {
  district: string
  schools: IdMap
  groups: IdMap
  measures: IdMap
  users: IdMap
  teams: IdMap
  districtGoals: IdMap
  goals: IdMap
  drivers: IdMap
  ideas: IdMap
  cycles: IdMap
  comments: IdMap
}

export function assignIds(data: DemoDistrict): DemoIds {
  const ids: DemoIds = {
    district: randomUUID(),
    schools: new IdMap('school'),
    groups: new IdMap('student group'),
    measures: new IdMap('measure'),
    users: new IdMap('user'),
    teams: new IdMap('team'),
    districtGoals: new IdMap('district goal'),
    goals: new IdMap('equity goal'),
    drivers: new IdMap('driver'),
    ideas: new IdMap('change idea'),
    cycles: new IdMap('cycle'),
    comments: new IdMap('comment'),
  }
  for (const s of data.schools) ids.schools.assign(s.code)
  for (const g of data.studentGroups) ids.groups.assign(g.code)
  for (const m of data.measures) ids.measures.assign(m.code)
  for (const u of data.users) ids.users.assign(u.email)
  for (const t of data.teams) ids.teams.assign(t.key)
  for (const g of data.districtGoals) ids.districtGoals.assign(g.code)
  for (const g of data.equityGoals) ids.goals.assign(g.key)
  for (const n of data.driverNodes) ids.drivers.assign(n.key)
  for (const c of data.changeIdeas) ids.ideas.assign(c.key)
  for (const c of data.cycles) ids.cycles.assign(c.key)
  for (const c of data.comments) ids.comments.assign(c.key)
  return ids
}
