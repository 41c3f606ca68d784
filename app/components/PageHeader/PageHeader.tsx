import { Anchor, Breadcrumbs, Title } from '@mantine/core'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

export interface Crumb {
  label: string
  to?: string
}

/** The top of a page: breadcrumbs, the page's one h1, a line of context, and its main actions. */
export function PageHeader({
  title,
  description,
  crumbs,
  actions,
  badge,
}: {
  title: React.ReactNode
  description?: React.ReactNode
  crumbs?: Crumb[]
  actions?: React.ReactNode
  badge?: React.ReactNode
}) {
  return (
    <Stack gap="xs" mb="lg">
      {crumbs && crumbs.length > 0 ? (
        <Breadcrumbs separator="›" aria-label="Breadcrumb">
          {crumbs.map((c) =>
            c.to ? (
              <Anchor key={c.label} component={Link} to={c.to} size="sm">
                {c.label}
              </Anchor>
            ) : (
              <Text key={c.label} size="sm" c="dimmed">
                {c.label}
              </Text>
            ),
          )}
        </Breadcrumbs>
      ) : null}
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {title}
            </Title>
            {badge}
          </Group>
          {description ? (
            <Text c="dimmed" size="sm" maw={820}>
              {description}
            </Text>
          ) : null}
        </Stack>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
    </Stack>
  )
}
