import { Badge, Paper, SimpleGrid } from '@mantine/core'
import { IconTrendingDown, IconTrendingUp } from '@tabler/icons-react'
import { Group, Stack } from '~/components/Layout'
import type { CycleView } from '~/components/NewCycleModal'
import { Text } from '~/components/Text'

type Linked = CycleView['measures'][number]

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value || '—'}
      </Text>
    </div>
  )
}

/** Read-only: each linked measure with its expected direction and data collection plan. */
export function LinkedMeasuresList({ measures }: { measures: Linked[] }) {
  if (measures.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        No measure is linked.
      </Text>
    )
  }
  return (
    <Stack gap="sm">
      {measures.map((m) => (
        <Paper key={m.measureId} withBorder p="sm">
          <Group gap="xs" mb="xs">
            <Text fw={600} size="sm">
              {m.measure.name}
            </Text>
            <Badge
              variant="light"
              color="gray"
              leftSection={
                m.expectedDirection === 'increase' ? (
                  <IconTrendingUp size={12} aria-hidden />
                ) : (
                  <IconTrendingDown size={12} aria-hidden />
                )
              }
            >
              Expected to {m.expectedDirection}
            </Badge>
            <Text size="xs" c="dimmed">
              {m.studentGroup?.name ?? 'All students'}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Field label="Operational definition" value={m.operationalDefinition} />
            <Field label="Qualitative data" value={m.qualitativeData} />
            <Field label="Collected by" value={m.collectedBy} />
            <Field label="When" value={m.collectionSchedule} />
            <Field label="Analysed by" value={m.analysedBy} />
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  )
}
