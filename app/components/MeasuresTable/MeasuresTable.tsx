import { Anchor, Badge, Table, Tooltip } from '@mantine/core'
import { ACCUMULATION_LABELS, CADENCE_LABELS, FAMILY_LABELS, UNIT_LABELS } from '@pdsa/domain'
import { IconArrowDownRight, IconArrowUpRight, IconChartLine } from '@tabler/icons-react'
import { Link } from 'react-router'
import { EmptyState } from '~/components/EmptyState'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import type { RouterOutputs } from '~/lib/types'

type Measure = RouterOutputs['measure']['list'][number]

/** The measures library as a table: what each measures, how, and where it applies. */
export function MeasuresTable({ measures, filtered }: { measures: Measure[]; filtered: boolean }) {
  if (measures.length === 0) {
    return (
      <EmptyState
        icon={<IconChartLine size={22} />}
        title={filtered ? 'No measures match' : 'No measures yet'}
      >
        {filtered
          ? 'Clear a filter or try another search.'
          : 'Add the outcome measures your goals aim to move, then process and balancing measures for your cycles.'}
      </EmptyState>
    )
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption>{measures.length === 1 ? '1 measure' : `${measures.length} measures`}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Measure</Table.Th>
            <Table.Th scope="col">Family</Table.Th>
            <Table.Th scope="col">Unit</Table.Th>
            <Table.Th scope="col">Better when</Table.Th>
            <Table.Th scope="col">Cadence</Table.Th>
            <Table.Th scope="col">Chart</Table.Th>
            <Table.Th scope="col">Scope</Table.Th>
            <Table.Th scope="col" ta="right">
              Data points
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measures.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Group gap={6}>
                    <Anchor component={Link} to={`/measures/${m.id}`} fw={600} size="sm">
                      {m.name}
                    </Anchor>
                    {m.accumulation === 'to_date' ? (
                      <Tooltip label={ACCUMULATION_LABELS.to_date} withArrow>
                        <Badge
                          size="xs"
                          variant="outline"
                          color="indigo.8"
                          tt="none"
                          tabIndex={0}
                          style={{ flexShrink: 0 }}
                        >
                          Year to date
                        </Badge>
                      </Tooltip>
                    ) : null}
                    {m.archived ? (
                      <Badge size="xs" color="gray.7">
                        Archived
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {m.code}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{FAMILY_LABELS[m.family]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{UNIT_LABELS[m.unit]}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {m.higherIsBetter ? (
                    <IconArrowUpRight size={16} aria-hidden />
                  ) : (
                    <IconArrowDownRight size={16} aria-hidden />
                  )}
                  <Text size="sm">{m.higherIsBetter ? 'Higher' : 'Lower'}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{CADENCE_LABELS[m.cadence]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" tt="uppercase" title={`${m.chartType} chart`}>
                  {m.chartType === 'run' ? 'Run' : m.chartType}
                </Text>
              </Table.Td>
              <Table.Td>
                {m.school ? (
                  <Badge variant="light" color="grape" c="grape.9" tt="none">
                    {m.school.name}
                  </Badge>
                ) : (
                  <Badge variant="light" tt="none">
                    District
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{m.observationCount.toLocaleString('en-US')}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
