import { type Actor, canEnterSchoolData, canManageMeasures } from '@pdsa/domain'
import { useQuery } from '@tanstack/react-query'
import { useTRPC } from '~/lib/trpc'
import { useRootData } from '~/root'

/**
 * Where the signed-in user may create measures: the district library, and the schools whose data
 * they may enter (the server checks again; this only decides what the form offers).
 */
export function useMeasureScopes() {
  const trpc = useTRPC()
  const root = useRootData()
  const { data: schools = [] } = useQuery(trpc.org.schools.queryOptions({}))
  const user = root?.user
  if (!user) return { canCreateLibrary: false, schools: [], canCreate: false }
  const actor: Actor = {
    userId: user.id,
    districtId: '',
    name: user.name,
    email: user.email,
    grants: user.grants,
  }
  const own = schools.filter((s) => canEnterSchoolData(actor, s.id)).map((s) => ({ id: s.id, name: s.name }))
  const canCreateLibrary = canManageMeasures(actor, null)
  return { canCreateLibrary, schools: own, canCreate: canCreateLibrary || own.length > 0 }
}
