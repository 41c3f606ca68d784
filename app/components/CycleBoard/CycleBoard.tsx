import { Box, Button, SimpleGrid, Title, VisuallyHidden } from '@mantine/core'
import { BOARD_COMPLETE_MAX, STAGE_LABELS } from '@pdsa/domain'
import { IconRefresh } from '@tabler/icons-react'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { EmptyState } from '~/components/EmptyState'
import { Group, Stack } from '~/components/Layout'
import { NewCycleButton } from '~/components/NewCycleModal'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import { useTRPC } from '~/lib/trpc'
import { CycleCard } from './CycleCard'

/** The team's PDSA cycles by stage, with the "New cycle" action for the team's editors. */
export function CycleBoard({ teamId, canEdit }: { teamId: string; canEdit: boolean }) {
  const trpc = useTRPC()
  const { data: recent } = useSuspenseQuery(trpc.cycle.board.queryOptions({ teamId }))
  // The Complete column starts with the most recent cycles; the rest load on request.
  const [showAllComplete, setShowAllComplete] = useState(false)
  const everything = useQuery({
    ...trpc.cycle.board.queryOptions({ teamId, completeShown: BOARD_COMPLETE_MAX }),
    enabled: showAllComplete,
  })
  const board = showAllComplete && everything.data ? everything.data : recent
  return (
    <section aria-labelledby="cycles-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="cycles-heading">
          PDSA cycles
        </Title>
        {canEdit && board.total > 0 ? <NewCycleButton teamId={teamId} /> : null}
      </Group>
      {board.total === 0 ? (
        <EmptyState
          icon={<IconRefresh size={22} />}
          title="No cycles yet"
          action={canEdit ? <NewCycleButton teamId={teamId} /> : null}
        >
          Plan a first small test of a change idea: one class or a few students for a week or two, with a
          prediction you can check against data.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 5 }} spacing="sm" verticalSpacing="md">
          {board.stages.map((column) => (
            <Box
              key={column.stage}
              component="section"
              aria-labelledby={`stage-${column.stage}`}
              p="xs"
              bg="var(--mantine-color-gray-0)"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            >
              <Group justify="space-between" mb="xs" px={4}>
                <Title order={3} size="h6" id={`stage-${column.stage}`}>
                  {STAGE_LABELS[column.stage]}
                </Title>
                <Text size="xs" c="dimmed">
                  <span aria-hidden>{column.total}</span>
                  <VisuallyHidden>{plural(column.total, 'cycle')}</VisuallyHidden>
                </Text>
              </Group>
              <Stack gap="xs">
                {column.cycles.length === 0 ? (
                  <Text size="xs" c="dimmed" px={4} pb={4}>
                    No cycles in {STAGE_LABELS[column.stage]}.
                  </Text>
                ) : (
                  column.cycles.map((c) => <CycleCard key={c.id} cycle={c} />)
                )}
                {column.total > column.cycles.length ? (
                  showAllComplete && everything.data ? (
                    <Text size="xs" c="dimmed" px={4}>
                      The {column.cycles.length} most recent of {column.total} are shown.
                    </Text>
                  ) : (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => {
                        setShowAllComplete(true)
                        if (everything.isError) void everything.refetch()
                      }}
                      loading={showAllComplete && everything.isFetching}
                    >
                      Show all {column.total} completed cycles
                    </Button>
                  )
                ) : null}
              </Stack>
            </Box>
          ))}
        </SimpleGrid>
      )}
    </section>
  )
}
