import { Badge, Paper, SimpleGrid, Title } from '@mantine/core'
import { formatMeasureChange, type MeasureUnit, REFERENCE_LABELS } from '@pdsa/domain'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import type { RouterOutputs } from '~/lib/types'
import { GoalProgress } from './GoalProgress'

type Goal = RouterOutputs['goal']['byId']

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  )
}

/** The aim: statement, measure, who it is for and compared with whom, baseline → target, alignment. */
export function GoalSummary({ goal }: { goal: Goal }) {
  const unit = goal.measure.unit as MeasureUnit
  const reference =
    goal.referenceKind === 'named_group'
      ? (goal.referenceGroup?.name ?? 'Another group')
      : REFERENCE_LABELS[goal.referenceKind]
  return (
    <section aria-labelledby="aim-heading">
      <Title order={2} size="h3" id="aim-heading" mb="sm">
        Aim
      </Title>
      <Paper withBorder p="lg">
        <Stack gap="lg">
          <Text size="lg" fw={500} lh={1.5}>
            {goal.aimStatement}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
            <Fact label="Measure">
              {goal.measure.name}
              <Text size="xs" c="dimmed">
                {goal.measure.unit} · {goal.measure.higherIsBetter ? 'higher is better' : 'lower is better'}
              </Text>
            </Fact>
            <Fact label="Focal group">{goal.focalGroup.name}</Fact>
            <Fact label="Compared with">{reference}</Fact>
            <Fact label="Gap">
              {goal.baselineGap !== null && goal.targetGap !== null
                ? `${formatMeasureChange(goal.baselineGap, unit)} → ${formatMeasureChange(goal.targetGap, unit)}`
                : 'Not set'}
            </Fact>
          </SimpleGrid>
          <GoalProgress goal={goal} />
          <Fact label="Aligned district goals">
            {goal.districtGoals.length > 0 ? (
              <Group gap={6} mt={4}>
                {goal.districtGoals.map((d) => (
                  <Badge key={d.id} variant="outline" color="gray" size="md" tt="none">
                    {d.code} · {d.title}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text size="sm" c="orange.9">
                Not aligned to a district goal
              </Text>
            )}
          </Fact>
        </Stack>
      </Paper>
    </section>
  )
}
