import { Loader, Table, Tooltip } from '@mantine/core'
import { type Cadence, formatMeasureValue, type MeasureUnit } from '@pdsa/domain'
import { IconDatabaseOff } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { EmptyState } from '~/components/EmptyState'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'
import { periodLabel } from './period-label'

type Observation = RouterOutputs['observation']['list']['observations'][number]

export interface ObservationsTableMeasure {
  id: string
  unit: MeasureUnit
  cadence: Cadence
}

/** Input of the recent-observations query, shared with the page loader so it can prefetch it. */
const MAX_PERIODS = 12

export function recentObservationsInput(measureId: string, schoolId: string) {
  return { measureId, schoolId, latestPeriods: MAX_PERIODS }
}

function Cell({ o, unit, threshold }: { o: Observation | undefined; unit: MeasureUnit; threshold: number }) {
  if (!o)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    )
  if (o.coded) {
    const range = `${o.coded.bound === 'at_most' ? '≤' : '≥'} ${o.coded.percent} %`
    return (
      <Tooltip label="Close to 0 % or 100 % in a small group: shown as a range so no student can be identified.">
        <Text size="sm" fw={600} tabIndex={0} style={{ whiteSpace: 'nowrap' }}>
          {range}
        </Text>
      </Tooltip>
    )
  }
  if (o.suppressed) {
    return (
      <Tooltip
        label={
          o.suppressionReason === 'primary'
            ? `Fewer than ${threshold} students: hidden to protect their privacy.`
            : 'Hidden so a small group’s value cannot be worked out from the other values.'
        }
      >
        <Text size="sm" c="dimmed" fs="italic" tabIndex={0}>
          {o.suppressionReason === 'primary' ? `n < ${threshold}` : 'Hidden'}
        </Text>
      </Tooltip>
    )
  }
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {formatMeasureValue(o.value, unit)}
      </Text>
      {o.denominator !== null ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {o.numerator?.toLocaleString('en-US')} / {o.denominator.toLocaleString('en-US')}
        </Text>
      ) : null}
    </Stack>
  )
}

/** The latest periods of a measure at one school, by student group, as released: small cells as "n < 10" for everyone. */
export function ObservationsTable({
  measure,
  schoolId,
}: {
  measure: ObservationsTableMeasure
  schoolId: string
}) {
  const trpc = useTRPC()
  const { data, isPending } = useQuery({
    ...trpc.observation.list.queryOptions(recentObservationsInput(measure.id, schoolId)),
    placeholderData: keepPreviousData,
  })
  if (isPending || !data) return <Loader size="sm" role="status" aria-label="Loading observations" />
  const periods = [...new Set(data.observations.map((o) => o.period))].slice(0, MAX_PERIODS)
  if (periods.length === 0) {
    return (
      <EmptyState icon={<IconDatabaseOff size={22} />} title="No data for this school yet">
        Values entered in the grid or imported from a CSV file appear here, newest period first.
      </EmptyState>
    )
  }
  const groups = [
    ...new Map(
      data.observations
        .filter((o) => periods.includes(o.period))
        .map((o) => [o.studentGroup.id, o.studentGroup]),
    ).values(),
  ].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
  const cell = new Map(data.observations.map((o) => [`${o.period}|${o.studentGroup.id}`, o]))
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Values from fewer than {data.suppressionThreshold} students, and values that would let someone work
        them out, are hidden to protect students’ privacy — for everyone. The data-entry grid shows them to
        the people who enter this school’s data.
      </Text>
      <Table.ScrollContainer minWidth={Math.max(480, 140 + groups.length * 120)}>
        <Table verticalSpacing="xs" withColumnBorders striped>
          <Table.Caption>Latest {periods.length} periods</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Period</Table.Th>
              {groups.map((g) => (
                <Table.Th key={g.id} scope="col" title={g.name}>
                  {g.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((p) => (
              <Table.Tr key={p}>
                <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{periodLabel(measure.cadence, p)}</Text>
                </Table.Th>
                {groups.map((g) => (
                  <Table.Td key={g.id}>
                    <Cell
                      o={cell.get(`${p}|${g.id}`)}
                      unit={measure.unit}
                      threshold={data.suppressionThreshold}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}
