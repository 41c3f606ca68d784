import { getEquityMatrix } from '../../../services/district/get-equity-matrix.ts'
import { authedProcedure } from '../../init.ts'

export const equityMatrix = authedProcedure
  .meta({
    access:
      'district-wide readers (admin, district_leader, and viewers or coaches with a district grant); counts and verdicts only, small groups suppressed',
  })
  .query(({ ctx }) => getEquityMatrix({ db: ctx.db, actor: ctx.actor }))
