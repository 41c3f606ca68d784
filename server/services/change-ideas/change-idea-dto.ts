import type { Prisma } from '../../db/generated/client.ts'

export const changeIdeaSelect = {
  id: true,
  goalId: true,
  teamId: true,
  title: true,
  description: true,
  status: true,
  mtssTier: true,
  evidenceLinks: true,
  createdAt: true,
  updatedAt: true,
  drivers: { select: { driverId: true } },
  cycles: {
    select: { id: true, title: true, stage: true, decision: true, cycleNumber: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  },
} satisfies Prisma.ChangeIdeaSelect

export type ChangeIdeaRow = Prisma.ChangeIdeaGetPayload<{ select: typeof changeIdeaSelect }>

/** A change idea with what its cycles found so far: how many, the latest one's stage, the latest decision. */
export function toChangeIdeaDto(row: ChangeIdeaRow) {
  const latest = row.cycles[0] ?? null
  const decided = row.cycles.find((c) => c.decision !== null) ?? null
  return {
    id: row.id,
    goalId: row.goalId,
    title: row.title,
    description: row.description,
    status: row.status,
    mtssTier: row.mtssTier,
    evidenceLinks: row.evidenceLinks,
    driverIds: row.drivers.map((d) => d.driverId),
    cycleCount: row.cycles.length,
    latestCycle: latest ? { id: latest.id, title: latest.title, stage: latest.stage } : null,
    latestDecision: decided?.decision ?? null,
    updatedAt: row.updatedAt,
  }
}
export type ChangeIdeaDto = ReturnType<typeof toChangeIdeaDto>
