import { CycleFormOptionsInputSchema } from '@pdsa/domain'
import { getCycleFormOptions } from '../../../services/cycles/get-cycle-form-options.ts'
import { authedProcedure } from '../../init.ts'

export const formOptions = authedProcedure
  .meta({ access: 'readers of the team (the options of its cycle forms)' })
  .input(CycleFormOptionsInputSchema)
  .query(({ ctx, input }) => getCycleFormOptions({ db: ctx.db, actor: ctx.actor, ...input }))
