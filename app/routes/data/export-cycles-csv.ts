// GET /data/export/cycles.csv?teamId=… or ?schoolId=…: a resource route calling data.exportCycles.
import { requireActor, serverTrpc, throwAsResponse } from '~/lib/trpc.server'
import type { Route } from './+types/export-cycles-csv'
import { csvResponse, param } from './csv-response'

export async function loader({ context, request }: Route.LoaderArgs) {
  requireActor(context, request)
  const { trpc, queryClient } = serverTrpc(context)
  const params = new URL(request.url).searchParams
  const teamId = param(params, 'teamId')
  const schoolId = param(params, 'schoolId')
  try {
    return csvResponse(
      await queryClient.fetchQuery(
        trpc.data.exportCycles.queryOptions({
          ...(teamId ? { teamId } : {}),
          ...(schoolId ? { schoolId } : {}),
        }),
      ),
    )
  } catch (error) {
    throwAsResponse(error, request)
  }
}
