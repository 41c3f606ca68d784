import { Anchor, Badge, Box, Card, List, Title } from '@mantine/core'
import type { CycleStage } from '@pdsa/domain'
import { IconAlertTriangle, IconMessageCircleQuestion } from '@tabler/icons-react'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { StageBadge } from '~/components/StageBadge'
import { StageCounts } from '~/components/StageCounts'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import type { RouterOutputs } from '~/lib/types'

type Team = RouterOutputs['coach']['overview']['teams'][number]

/** One coached team at a glance: goals, cycles by stage, cycles the method checks flag, feedback awaiting response. */
export function CoachTeamCard({ team }: { team: Team }) {
  const headingId = `coach-team-${team.id}`
  const more = (shown: number, total: number) =>
    total > shown ? (
      <Text size="xs" c="dimmed">
        and {total - shown} more
      </Text>
    ) : null
  return (
    <Card padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            <Anchor component={Link} to={`/teams/${team.id}`} inherit>
              {team.name}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {team.school.name} · {plural(team.goalCount, 'goal')}
          </Text>
        </div>
        <StageCounts counts={team.cyclesByStage} />
        <Group gap="xs">
          <Badge
            color={team.needsAttention.count ? 'orange.9' : 'gray.7'}
            variant="filled"
            leftSection={<IconAlertTriangle size={12} aria-hidden />}
          >
            {plural(team.needsAttention.count, 'cycle')} {team.needsAttention.count === 1 ? 'needs' : 'need'}{' '}
            attention
          </Badge>
          <Badge
            color={team.openFeedback.count ? 'red.9' : 'gray.7'}
            variant="filled"
            leftSection={<IconMessageCircleQuestion size={12} aria-hidden />}
          >
            {team.openFeedback.count} awaiting response
          </Badge>
        </Group>
        {team.needsAttention.count > 0 ? (
          <div>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
              Needs attention
            </Text>
            <List spacing={4} size="sm" listStyleType="none" p={0}>
              {team.needsAttention.cycles.map((c) => (
                <List.Item key={c.id}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Box style={{ flexShrink: 0 }}>
                      <StageBadge stage={c.stage as CycleStage} size="xs" />
                    </Box>
                    <div>
                      <Anchor component={Link} to={`/cycles/${c.id}`} size="sm">
                        {c.title}
                      </Anchor>
                      <List size="xs" c="dimmed" spacing={2} withPadding>
                        {c.checks.map((k) => (
                          <List.Item key={k.kind}>{k.message}</List.Item>
                        ))}
                      </List>
                    </div>
                  </Group>
                </List.Item>
              ))}
            </List>
            {more(team.needsAttention.cycles.length, team.needsAttention.count)}
          </div>
        ) : null}
        {team.openFeedback.count > 0 ? (
          <div>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
              Feedback awaiting the team’s response
            </Text>
            <List spacing={4} size="sm" listStyleType="none" p={0}>
              {team.openFeedback.items.map((f) => (
                <List.Item key={f.id}>
                  <Text size="sm" lineClamp={2}>
                    “{f.excerpt}”
                  </Text>
                  <Text size="xs" c="dimmed">
                    {f.author.name} on{' '}
                    {f.cycle ? (
                      <Anchor component={Link} to={`/cycles/${f.cycle.id}`} size="xs">
                        {f.cycle.title}
                      </Anchor>
                    ) : f.goal ? (
                      <Anchor component={Link} to={`/goals/${f.goal.id}`} size="xs">
                        {f.goal.title}
                      </Anchor>
                    ) : null}
                  </Text>
                </List.Item>
              ))}
            </List>
            {more(team.openFeedback.items.length, team.openFeedback.count)}
          </div>
        ) : null}
      </Stack>
    </Card>
  )
}
