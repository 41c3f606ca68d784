import { Button, Tabs } from '@mantine/core'
import { canAdministerDistrict } from '@pdsa/domain'
import {
  IconBuildingCommunity,
  IconHistory,
  IconKey,
  IconMail,
  IconSettings,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react'
import { HydrationBoundary } from '@tanstack/react-query'
import { data, Link, useSearchParams } from 'react-router'
import { DistrictSettingsForm } from '~/components/DistrictSettingsForm'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { PageHeader } from '~/components/PageHeader'
import { SchoolsAdmin } from '~/components/SchoolsAdmin'
import { SsoSettings } from '~/components/SsoSettings'
import { StudentGroupsAdmin } from '~/components/StudentGroupsAdmin'
import { UsersTable } from '~/components/UsersTable'
import { prefetch, requireActor, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/admin'

const TABS = ['users', 'schools', 'groups', 'sign-in', 'settings'] as const
type Tab = (typeof TABS)[number]
const isTab = (v: string | null): v is Tab => TABS.includes(v as Tab)

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context, request)
  if (!canAdministerDistrict(actor)) {
    throw data(
      {
        message:
          'Administration is for district admins. Ask one of them for changes to users, schools or settings.',
      },
      { status: 403 },
    )
  }
  const { trpc, queryClient } = serverTrpc(context)
  return {
    dehydratedState: await prefetch(request, queryClient, [
      trpc.org.users.queryOptions(),
      trpc.invitation.list.queryOptions(),
      trpc.org.schools.queryOptions({}),
      trpc.org.schools.queryOptions({ includeArchivedTeams: true }),
      trpc.org.studentGroups.queryOptions({ includeInactive: true }),
      trpc.org.districtSettings.queryOptions(),
      trpc.sso.providers.queryOptions(),
    ]),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Administration · PDSA Tracker' }]

export default function AdminRoute({ loaderData }: Route.ComponentProps) {
  const [params, setParams] = useSearchParams()
  const tabParam = params.get('tab')
  const tab: Tab = isTab(tabParam) ? tabParam : 'users'
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <PageHeader
        title="Administration"
        description="People and their roles, schools and teams, student groups, sign-in, and district settings."
        actions={
          <>
            <Button
              component={Link}
              to="/admin/outbox"
              variant="default"
              leftSection={<IconMail size={16} aria-hidden />}
            >
              Outbox
            </Button>
            <Button
              component={Link}
              to="/admin/audit"
              variant="default"
              leftSection={<IconHistory size={16} aria-hidden />}
            >
              Audit log
            </Button>
          </>
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'users' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="users" leftSection={<IconUsers size={16} aria-hidden />}>
            Users and roles
          </Tabs.Tab>
          <Tabs.Tab value="schools" leftSection={<IconBuildingCommunity size={16} aria-hidden />}>
            Schools and teams
          </Tabs.Tab>
          <Tabs.Tab value="groups" leftSection={<IconUsersGroup size={16} aria-hidden />}>
            Student groups
          </Tabs.Tab>
          <Tabs.Tab value="sign-in" leftSection={<IconKey size={16} aria-hidden />}>
            Sign-in
          </Tabs.Tab>
          <Tabs.Tab value="settings" leftSection={<IconSettings size={16} aria-hidden />}>
            Settings
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersTable />
        </Tabs.Panel>
        <Tabs.Panel value="schools">
          <SchoolsAdmin />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <StudentGroupsAdmin />
        </Tabs.Panel>
        <Tabs.Panel value="sign-in">
          <SsoSettings />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <DistrictSettingsForm />
        </Tabs.Panel>
      </Tabs>
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
