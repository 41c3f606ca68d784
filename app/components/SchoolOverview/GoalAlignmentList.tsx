import { Anchor, Badge } from '@mantine/core'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

export interface GoalAlignment {
  id: string
  title: string
  status: string
  districtGoals: { id: string; code: string; title: string }[]
}

/** Goals with the district goals they align to, or a flag when they align to none. */
export function GoalAlignmentList({ goals, empty }: { goals: GoalAlignment[]; empty: string }) {
  if (goals.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    )
  }
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {goals.map((g) => (
        <li key={g.id}>
          <Group gap={6} wrap="wrap">
            <Anchor component={Link} to={`/goals/${g.id}`} size="sm">
              {g.title}
            </Anchor>
            {g.status === 'draft' ? (
              <Badge size="xs" color="gray.7">
                Draft
              </Badge>
            ) : null}
            {g.districtGoals.length > 0 ? (
              g.districtGoals.map((d) => (
                <Badge key={d.id} size="xs" variant="outline" color="gray.8" title={d.title}>
                  {d.code}
                </Badge>
              ))
            ) : (
              <Text span size="xs" c="orange.9" fw={600}>
                Not aligned to a district goal
              </Text>
            )}
          </Group>
        </li>
      ))}
    </Stack>
  )
}
