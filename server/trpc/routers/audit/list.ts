import { ListAuditEventsInputSchema } from '@pdsa/domain'
import { listAuditEvents } from '../../../services/audit-log/list-audit-events.ts'
import { authedProcedure } from '../../init.ts'

export const list = authedProcedure
  .meta({ access: 'district leaders and admins' })
  .input(ListAuditEventsInputSchema)
  .query(({ ctx, input }) => listAuditEvents({ db: ctx.db, actor: ctx.actor, ...input }))
