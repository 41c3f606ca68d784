import { Paper, Title } from '@mantine/core'
import type { CycleStage } from '@pdsa/domain'
import { Group, Stack } from '~/components/Layout'
import { StageBadge } from '~/components/StageBadge'
import { Text } from '~/components/Text'
import { AfterHydration } from '~/hooks/use-hydrated'

/**
 * One part of the worksheet (Plan, Do, Study, Act), marked when it is the cycle's current stage. The current
 * stage's content is rendered on the server; the other sections' content (heading and intro are) right after
 * hydration, with a placeholder of `placeholderHeight` until then.
 */
export function WorksheetSection({
  stage,
  current,
  title,
  intro,
  children,
  placeholderHeight = 160,
  contentReady = true,
}: {
  stage: CycleStage
  current: CycleStage
  title: string
  intro: string
  children: React.ReactNode
  placeholderHeight?: number
  /** false: keep the placeholder after hydration until what the content needs has loaded. */
  contentReady?: boolean
}) {
  const id = `section-${stage}`
  const isCurrent = stage === current
  // A completed cycle is read for its decision (Act).
  const readFirst = isCurrent || (current === 'complete' && stage === 'act')
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
        {readFirst ? (
          children
        ) : (
          <AfterHydration height={placeholderHeight} ready={contentReady}>
            {children}
          </AfterHydration>
        )}
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

/**
 * A list editor of the current stage's section (Plan: linked measures, questions, tasks, drivers; Study: the
 * questions' results). These forms were a third of the cycle page's HTML, and the Plan's need the team's
 * options: for people who edit them they render right after hydration (once `ready`), with a placeholder of
 * about their size until then, while the worksheet's text around them stays server-rendered
 * (docs/decisions/027-…). Read-only lists (`editable` false) render at once.
 */
export function EditorSlot({
  editable,
  height,
  ready = true,
  children,
}: {
  editable: boolean
  height: number
  ready?: boolean
  children: React.ReactNode
}) {
  if (!editable) return children
  return (
    <AfterHydration height={height} ready={ready}>
      {children}
    </AfterHydration>
  )
}
