import type { TRPCRouterRecord } from '@trpc/server'
import { board } from './board.ts'
import { byId } from './by-id.ts'
import { create } from './create.ts'
import { deleteProcedure } from './delete.ts'
import { formOptions } from './form-options.ts'
import { list } from './list.ts'
import { moveBack } from './move-back.ts'
import { saveMeasures } from './save-measures.ts'
import { saveQuestions } from './save-questions.ts'
import { saveTasks } from './save-tasks.ts'
import { snapshotById } from './snapshot-by-id.ts'
import { snapshots } from './snapshots.ts'
import { transition } from './transition.ts'
import { update } from './update.ts'
import { updateNarrative } from './update-narrative.ts'

export const cycleRouter = {
  list,
  board,
  byId,
  formOptions,
  create,
  update,
  updateNarrative,
  saveQuestions,
  saveTasks,
  saveMeasures,
  transition,
  moveBack,
  snapshots,
  snapshotById,
  delete: deleteProcedure,
} satisfies TRPCRouterRecord
