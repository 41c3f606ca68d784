// Optimistic concurrency for the worksheet's list parts (ADR 032). Questions, tasks and linked measures
// save themselves a moment after typing stops, each save replacing the whole list; a save names the
// version of the list it was based on, and one based on an older version is refused, so a teammate's
// save is never silently overwritten.
import { DomainError } from '@pdsa/domain'
import type { Prisma } from '../../db/generated/client.ts'

export type WorksheetList = 'questions' | 'tasks' | 'measures'

const FIELD = {
  questions: 'questionsVersion',
  tasks: 'tasksVersion',
  measures: 'measuresVersion',
} as const satisfies Record<WorksheetList, keyof Prisma.PdsaCycleSelect>

const WORDS: Record<WorksheetList, string> = {
  questions: 'questions and predictions',
  tasks: 'tasks',
  measures: 'linked measures',
}

/**
 * Locks the cycle's row for the rest of the transaction (concurrent saves of the same cycle run one after
 * the other) and returns the list's current version; CONFLICT when `expected` is given and is not it.
 */
export async function lockListVersion(
  tx: Prisma.TransactionClient,
  cycleId: string,
  list: WorksheetList,
  expected: number | undefined,
): Promise<number> {
  await tx.$queryRaw`SELECT id FROM "PdsaCycle" WHERE id = ${cycleId}::uuid FOR UPDATE`
  const row = await tx.pdsaCycle.findUniqueOrThrow({
    where: { id: cycleId },
    select: { questionsVersion: true, tasksVersion: true, measuresVersion: true },
  })
  const current = row[FIELD[list]]
  if (expected !== undefined && expected !== current) {
    throw new DomainError(
      'CONFLICT',
      `Someone else saved the ${WORDS[list]} of this cycle while you were editing. Your changes are kept on the page: load their version to compare, or save yours over it.`,
      { list, version: current },
    )
  }
  return current
}

/** The data that records one more change of the list (with the cycle's last edit). */
export function nextListVersion(list: WorksheetList, now: Date) {
  return { [FIELD[list]]: { increment: 1 }, lastEditedAt: now }
}
