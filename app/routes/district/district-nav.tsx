// The district area's views as one row of links (overview, alignment audit, equity matrix, audit log),
// each shown only to the users who may open it. Not a route module: imported by the district pages.
import { Button } from '@mantine/core'
import { type Actor, canLeadDistrict, canReadDistrict } from '@pdsa/domain'
import { Link, useLocation } from 'react-router'
import { Group } from '~/components/Layout'
import { useRootData } from '~/root'

export function useDistrictAccess() {
  const root = useRootData()
  const actor: Actor = {
    userId: root?.user?.id ?? '',
    districtId: '',
    name: root?.user?.name ?? '',
    email: root?.user?.email ?? '',
    grants: root?.user?.grants ?? [],
  }
  return { canReadDistrict: canReadDistrict(actor), canLeadDistrict: canLeadDistrict(actor) }
}

export function DistrictNav() {
  const { pathname } = useLocation()
  const access = useDistrictAccess()
  const links = [
    { to: '/district', label: 'Overview', show: true },
    { to: '/district/alignment', label: 'Alignment audit', show: access.canReadDistrict },
    { to: '/district/equity', label: 'Equity matrix', show: access.canReadDistrict },
    { to: '/admin/audit', label: 'Audit log', show: access.canLeadDistrict },
  ].filter((l) => l.show)
  if (links.length < 2) return null
  return (
    <Group component="nav" aria-label="District views" gap="xs" mb="lg" data-print-hide>
      {links.map((l) => {
        const current = pathname === l.to
        return (
          <Button
            key={l.to}
            component={Link}
            to={l.to}
            size="compact-md"
            variant={current ? 'filled' : 'default'}
            aria-current={current ? 'page' : undefined}
          >
            {l.label}
          </Button>
        )
      })}
    </Group>
  )
}
