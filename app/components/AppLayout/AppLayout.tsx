import {
  AppShell,
  Avatar,
  Burger,
  Menu,
  NavLink,
  ScrollArea,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconBellCog,
  IconBuildingCommunity,
  IconChartLine,
  IconChevronDown,
  IconClipboardList,
  IconDatabase,
  IconDownload,
  IconHistory,
  IconLogout,
  IconSearch,
  IconSettings,
  IconUsersGroup,
} from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Form, NavLink as RouterNavLink, useLocation, useSubmit } from 'react-router'
import { CommandPalette, type PalettePage } from '~/components/CommandPalette'
import { Group, Stack } from '~/components/Layout'
import { NavigationProgress } from '~/components/NavigationProgress'
import { NotificationBell } from '~/components/NotificationBell'
import { Text } from '~/components/Text'
import { useLinkTarget } from '~/hooks/use-link-target'
import { useTRPC } from '~/lib/trpc'
import { clearOfflineData } from '~/service-worker/offline-data'
import classes from './AppLayout.module.css'

function initials(name: string) {
  return name
    .split(/\s+/)
    .map((p) => p[0])
    .slice(0, 2)
    .join('')
    .toUpperCase()
}

/** The frame of every signed-in page: header with the user menu, navigation by role, main content. */
export function AppLayout({ csrfToken, children }: { csrfToken: string | null; children: React.ReactNode }) {
  const submit = useSubmit()
  const [opened, { toggle, close }] = useDisclosure()
  const trpc = useTRPC()
  const { data: nav } = useQuery(trpc.org.navigation.queryOptions())
  const location = useLocation()
  useLinkTarget()
  // The pages the navigation offers this user, for the command palette.
  const pages: PalettePage[] = nav
    ? [
        ...nav.teams.map((t) => ({ label: `${t.name} (team workspace)`, path: `/teams/${t.id}` })),
        ...(nav.isCoach ? [{ label: 'Coach portfolio', path: '/coach' }] : []),
        ...(nav.canReadDistrict || nav.schools.length > 0
          ? [{ label: 'District overview', path: '/district' }]
          : []),
        ...(nav.canReadDistrict
          ? [
              { label: 'Alignment audit', path: '/district/alignment' },
              { label: 'Equity matrix', path: '/district/equity' },
            ]
          : []),
        { label: 'Measures and data', path: '/measures' },
        { label: 'Search cycles', path: '/search' },
        { label: 'Import data', path: '/data/import' },
        { label: 'Export data', path: '/data/export' },
        ...(nav.canAdminister ? [{ label: 'Administration', path: '/admin' }] : []),
        ...(nav.canLeadDistrict ? [{ label: 'Audit log', path: '/admin/audit' }] : []),
      ]
    : []
  const link = (to: string, label: string, icon: React.ReactNode, description?: string) => (
    <NavLink
      key={to}
      component={RouterNavLink}
      to={to}
      label={label}
      description={description}
      leftSection={icon}
      active={location.pathname === to || location.pathname.startsWith(`${to}/`)}
      onClick={close}
    />
  )

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <NavigationProgress />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <RouterNavLink to="/" className={classes.brand} aria-label="PDSA Tracker home">
              <Title order={1} size="h4">
                PDSA Tracker
              </Title>
            </RouterNavLink>
            {nav ? (
              <Text size="sm" c="dimmed" visibleFrom="md">
                {nav.district.name}
              </Text>
            ) : null}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {nav ? <CommandPalette pages={pages} /> : null}
            {nav ? <NotificationBell /> : null}
            {nav ? (
              <Menu position="bottom-end" width={240} withinPortal>
                <Menu.Target>
                  {/* Named by its visible text (WCAG 2.5.3); on phones only the hidden words name it. */}
                  <UnstyledButton className={classes.user}>
                    <Group gap="xs" wrap="nowrap">
                      <Avatar color="brand" radius="xl" size="sm" aria-hidden>
                        {initials(nav.user.name)}
                      </Avatar>
                      <Stack gap={0} visibleFrom="sm">
                        <Text size="sm" fw={600} lh={1.2}>
                          {nav.user.name}
                        </Text>
                        <Text size="xs" c="dimmed" lh={1.2}>
                          {nav.roleLabels.join(' · ')}
                        </Text>
                      </Stack>
                      <IconChevronDown size={14} aria-hidden />
                      <VisuallyHidden>Account menu</VisuallyHidden>
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{nav.user.email}</Menu.Label>
                  <Menu.Item
                    component={RouterNavLink}
                    to="/account/notifications"
                    leftSection={<IconBellCog size={16} aria-hidden />}
                  >
                    Notification settings
                  </Menu.Item>
                  <Form
                    method="post"
                    action="/logout"
                    onSubmit={(event) => {
                      // Nothing kept for offline use stays on this computer for the next person.
                      event.preventDefault()
                      const form = event.currentTarget
                      void clearOfflineData().finally(() => submit(form))
                    }}
                  >
                    <input type="hidden" name="csrf" value={csrfToken ?? ''} />
                    <Menu.Item
                      type="submit"
                      component="button"
                      leftSection={<IconLogout size={16} aria-hidden />}
                    >
                      Sign out
                    </Menu.Item>
                  </Form>
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          {nav && nav.teams.length > 0 ? (
            <>
              <Text
                size="xs"
                fw={700}
                c="dimmed"
                tt="uppercase"
                className={`${classes.navLabel} ${classes.first}`}
              >
                My teams
              </Text>
              {nav.teams.map((t) =>
                link(`/teams/${t.id}`, t.name, <IconUsersGroup size={18} aria-hidden />, t.school.name),
              )}
            </>
          ) : null}
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" className={classes.navLabel}>
            Work
          </Text>
          {nav?.isCoach
            ? link('/coach', 'Coach portfolio', <IconClipboardList size={18} aria-hidden />)
            : null}
          {nav?.canReadDistrict || (nav?.schools.length ?? 0) > 0
            ? link('/district', 'District', <IconBuildingCommunity size={18} aria-hidden />)
            : null}
          {link('/measures', 'Measures and data', <IconChartLine size={18} aria-hidden />)}
          {link('/search', 'Search cycles', <IconSearch size={18} aria-hidden />)}
          {nav?.canLeadDistrict ||
          nav?.teams.some((t) => t.roles.some((r) => r === 'team_lead' || r === 'team_member'))
            ? link('/data/import', 'Import data', <IconDatabase size={18} aria-hidden />)
            : null}
          {link('/data/export', 'Export data', <IconDownload size={18} aria-hidden />)}
          {nav?.canAdminister
            ? link('/admin', 'Administration', <IconSettings size={18} aria-hidden />)
            : nav?.canLeadDistrict
              ? link('/admin/audit', 'Audit log', <IconHistory size={18} aria-hidden />)
              : null}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main">{children}</AppShell.Main>
    </AppShell>
  )
}
