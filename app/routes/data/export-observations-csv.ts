// GET /data/export/observations.csv?measureId=…&schoolId=…&studentGroupId=…&from=…&to=…: a resource
// route calling data.exportObservations, so the same authorization and suppression apply.
import { requireActor, serverTrpc, throwAsResponse } from '~/lib/trpc.server'
import type { Route } from './+types/export-observations-csv'
import { csvResponse, param } from './csv-response'

export async function loader({ context, request }: Route.LoaderArgs) {
  requireActor(context, request)
  const { trpc, queryClient } = serverTrpc(context)
  const params = new URL(request.url).searchParams
  const schoolIds = params.getAll('schoolId').filter(Boolean)
  const groupIds = params.getAll('studentGroupId').filter(Boolean)
  const input = {
    measureId: param(params, 'measureId') ?? '',
    ...(schoolIds.length ? { schoolIds } : {}),
    ...(groupIds.length ? { studentGroupIds: groupIds } : {}),
    ...(param(params, 'from') ? { from: param(params, 'from') } : {}),
    ...(param(params, 'to') ? { to: param(params, 'to') } : {}),
  }
  try {
    return csvResponse(await queryClient.fetchQuery(trpc.data.exportObservations.queryOptions(input)))
  } catch (error) {
    throwAsResponse(error, request)
  }
}
