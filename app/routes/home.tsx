import { homePathFor } from '@pdsa/domain'
import { redirect } from 'react-router'
import { requireActor } from '~/lib/trpc.server'
import type { Route } from './+types/home'

/** `/` sends each person to where their work is: their team, their coaching portfolio, or the district. */
export function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context, request)
  throw redirect(homePathFor(actor))
}
