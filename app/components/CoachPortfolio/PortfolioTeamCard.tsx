import { Anchor, Badge, Button, Card, Progress, Title, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconFilter, IconMessageCircleQuestion } from '@tabler/icons-react'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { StageCounts } from '~/components/StageCounts'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import type { RouterOutputs } from '~/lib/types'

type Team = RouterOutputs['coach']['portfolio']['teams'][number]

function Calibration({ calibration, rule }: { calibration: Team['calibration']; rule: string }) {
  if (calibration.share === null) {
    return (
      <Text size="sm" c="dimmed">
        Prediction calibration: no quantified prediction has a result yet.
      </Text>
    )
  }
  const percent = Math.round(calibration.share * 100)
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Tooltip label={rule} multiline w={300} withArrow>
          <Text size="sm" fw={600} td="underline dotted" tabIndex={0} style={{ cursor: 'help' }}>
            Prediction calibration
          </Text>
        </Tooltip>
        <Text size="sm">
          <strong>{percent}%</strong> ({calibration.matched} of {plural(calibration.total, 'prediction')}{' '}
          matched)
        </Text>
      </Group>
      <Progress value={percent} color="brand" size="sm" aria-label={`Prediction calibration ${percent}%`} />
    </Stack>
  )
}

/** One coached team: cycles by stage, what needs attention, open feedback and prediction calibration. */
export function PortfolioTeamCard({
  team,
  calibrationRule,
  onShowCycles,
}: {
  team: Team
  calibrationRule: string
  onShowCycles: () => void
}) {
  const headingId = `portfolio-team-${team.id}`
  return (
    <Card padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <div>
          <Title order={3} size="h5" id={headingId}>
            <Anchor component={Link} to={`/teams/${team.id}`} inherit>
              {team.name}
            </Anchor>
          </Title>
          <Text size="xs" c="dimmed">
            {team.school.name} · {plural(team.cycleCount, 'cycle')}
          </Text>
        </div>
        <StageCounts counts={team.cyclesByStage} />
        <Group gap="xs">
          <Badge
            color={team.needsAttention ? 'orange.9' : 'gray.7'}
            variant="filled"
            leftSection={<IconAlertTriangle size={12} aria-hidden />}
            tt="none"
          >
            {plural(team.needsAttention, 'cycle')} {team.needsAttention === 1 ? 'needs' : 'need'} attention
          </Badge>
          <Badge
            color={team.openFeedback ? 'red.9' : 'gray.7'}
            variant="filled"
            leftSection={<IconMessageCircleQuestion size={12} aria-hidden />}
            tt="none"
          >
            {team.openFeedback} awaiting response
          </Badge>
          {team.awaitingReview > 0 ? (
            <Badge
              color="blue.9"
              variant="filled"
              leftSection={<IconMessageCircleQuestion size={12} aria-hidden />}
              tt="none"
            >
              {plural(team.awaitingReview, 'reply', 'replies')} to review
            </Badge>
          ) : null}
        </Group>
        <Calibration calibration={team.calibration} rule={calibrationRule} />
        {team.cycleCount > 0 ? (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconFilter size={14} aria-hidden />}
            onClick={onShowCycles}
            aria-label={`Show its cycles (${team.name})`}
            style={{ alignSelf: 'flex-start' }}
          >
            Show its cycles
          </Button>
        ) : null}
      </Stack>
    </Card>
  )
}
