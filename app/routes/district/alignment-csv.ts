// GET /district/alignment.csv: the alignment report as a CSV download (a resource route: no page). Calls
// the same tRPC procedure as everything else, so the same authorization applies (district leaders and
// admins; others get 403, signed-out users are sent to sign in).
import { requireActor, serverTrpc, throwAsResponse } from '~/lib/trpc.server'
import type { Route } from './+types/alignment-csv'

export async function loader({ context, request }: Route.LoaderArgs) {
  requireActor(context, request)
  const { trpc, queryClient } = serverTrpc(context)
  let file: { filename: string; csv: string }
  try {
    // The page's school filter (?school=…) carries over to the file; the procedure validates it.
    const schoolId = new URL(request.url).searchParams.get('school')
    file = await queryClient.fetchQuery(trpc.district.alignmentCsv.queryOptions({ schoolId }))
  } catch (error) {
    throwAsResponse(error, request)
  }
  return new Response(file.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
