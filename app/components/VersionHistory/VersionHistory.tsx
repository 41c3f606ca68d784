import { Alert, Button, Center, Loader, Modal, Title } from '@mantine/core'
import { type CycleStage, STAGE_LABELS } from '@pdsa/domain'
import { IconHistory } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import { parseClientError, useTRPC } from '~/lib/trpc'
import { SnapshotContent } from './SnapshotContent'

interface SnapshotItem {
  id: string
  fromStage: CycleStage
  toStage: CycleStage
  /** Why a team lead moved the cycle back (null for moves forward). */
  reason?: string | null
  takenAt: Date
  takenBy: { id: string; name: string } | null
}

const label = (s: SnapshotItem) =>
  `${STAGE_LABELS[s.fromStage]} → ${STAGE_LABELS[s.toStage]}${s.reason ? ' (moved back)' : ''}`

function SnapshotModal({ snapshot, onClose }: { snapshot: SnapshotItem; onClose: () => void }) {
  const { dateTime: when } = useDistrictTime()
  const trpc = useTRPC()
  const { data, error } = useQuery(trpc.cycle.snapshotById.queryOptions({ id: snapshot.id }))
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      size="xl"
      title={`Worksheet at ${label(snapshot)} (${when(snapshot.takenAt)})`}
    >
      {data ? (
        <SnapshotContent content={data.content} />
      ) : error ? (
        <Alert color="red">{parseClientError(error).message}</Alert>
      ) : (
        <Center py="xl">
          <Loader role="status" aria-label="Loading the snapshot" />
        </Center>
      )}
    </Modal>
  )
}

/** The worksheet's version history: one read-only snapshot per stage transition. */
export function VersionHistory({ snapshots }: { snapshots: SnapshotItem[] }) {
  const { dateTime: when } = useDistrictTime()
  const [open, setOpen] = useState<SnapshotItem | null>(null)
  return (
    <section aria-labelledby="history-heading">
      <Group gap="xs" mb="sm">
        <IconHistory size={18} aria-hidden />
        <Title order={2} size="h4" id="history-heading">
          Version history
        </Title>
      </Group>
      {snapshots.length === 0 ? (
        <Text size="sm" c="dimmed">
          A read-only copy of the worksheet is kept each time the cycle moves to the next stage.
        </Text>
      ) : (
        <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {[...snapshots].reverse().map((s) => (
            <Group key={s.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <div>
                <Text size="sm" fw={600}>
                  {label(s)}
                </Text>
                <Text size="xs" c="dimmed" suppressHydrationWarning>
                  {s.takenBy?.name ?? 'Someone'} · {when(s.takenAt)}
                </Text>
                {s.reason ? (
                  <Text size="xs" fs="italic">
                    Reason: {s.reason}
                  </Text>
                ) : null}
              </div>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => setOpen(s)}
                aria-label={`View the worksheet at ${label(s)}`}
              >
                View
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {open ? <SnapshotModal snapshot={open} onClose={() => setOpen(null)} /> : null}
    </section>
  )
}
