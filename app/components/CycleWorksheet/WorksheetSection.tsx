import { Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { CycleStage } from '@pdsa/domain'
import { StageBadge } from '~/components/StageBadge'

/** One part of the worksheet (Plan, Do, Study, Act), marked when it is the cycle's current stage. */
export function WorksheetSection({
  stage,
  current,
  title,
  intro,
  children,
}: {
  stage: CycleStage
  current: CycleStage
  title: string
  intro: string
  children: React.ReactNode
}) {
  const id = `section-${stage}`
  const isCurrent = stage === current
  return (
    <Paper
      component="section"
      aria-labelledby={id}
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      style={isCurrent ? { borderColor: 'var(--mantine-color-brand-8)', borderWidth: 2 } : undefined}
    >
      <Stack gap="md">
        <div>
          <Group gap="sm">
            <Title order={2} size="h3" id={id}>
              {title}
            </Title>
            {isCurrent ? <StageBadge stage={stage} size="sm" /> : null}
            {isCurrent ? (
              <Text size="xs" c="dimmed">
                Current stage
              </Text>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  )
}

/** A heading inside a section. */
export function SubHeading({ children }: { children: React.ReactNode }) {
  return (
    <Title order={3} size="h5" mt="xs">
      {children}
    </Title>
  )
}
