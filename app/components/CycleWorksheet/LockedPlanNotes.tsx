import { Alert, Paper, Skeleton } from '@mantine/core'
import { NARRATIVE_SECTIONS, type NarrativeSectionKey } from '@pdsa/domain'
import { IconLock } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import type { CycleView } from '~/components/NewCycleModal'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import { parseClientError, useTRPC } from '~/lib/trpc'

/** The Plan notes shown next to the results: what the team predicted and why, as locked. */
const SHOWN: NarrativeSectionKey[] = ['objective', 'hypothesis', 'predictions']

/**
 * Study: the Plan notes exactly as they were when the test started (the Plan → Do snapshot), with
 * when and by whom they were locked, to compare with the results.
 */
export function LockedPlanNotes({ cycle }: { cycle: CycleView }) {
  const { dateTime: when } = useDistrictTime()
  const trpc = useTRPC()
  const lock = cycle.snapshots.findLast((s) => s.fromStage === 'plan' && s.toStage === 'do')
  const { data, error } = useQuery({
    ...trpc.cycle.snapshotById.queryOptions({ id: lock?.id ?? '' }),
    enabled: !!lock,
  })
  if (!lock) return null
  const texts = data?.content.texts
  const written = texts ? SHOWN.filter((k) => texts[k]?.trim()) : []
  return (
    <Paper withBorder p="sm" bg="gray.0" role="region" aria-label="Plan as locked when the test started">
      <Stack gap="xs">
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" fw={600}>
            The plan as locked when the test started
            <Text span size="sm" c="dimmed" fw={400} suppressHydrationWarning>
              {' '}
              · {when(lock.takenAt)} by {lock.takenBy?.name ?? 'someone'}
            </Text>
          </Text>
        </Group>
        {error ? (
          <Alert color="red" variant="light">
            {parseClientError(error).message}
          </Alert>
        ) : !texts ? (
          <Skeleton height={48} radius="sm" role="status" aria-label="Loading the locked plan" />
        ) : written.length === 0 ? (
          <Text size="sm" c="dimmed">
            No objective, hypothesis or prediction notes were written before the test started; the questions
            below show the predictions.
          </Text>
        ) : (
          written.map((key) => (
            <div key={key}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {NARRATIVE_SECTIONS.find((s) => s.key === key)?.label}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {texts[key]}
              </Text>
            </div>
          ))
        )}
      </Stack>
    </Paper>
  )
}
