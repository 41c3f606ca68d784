// Downloads: a measure's observations (filters: schools, student group, dates) and cycles (a team or
// all the caller may read) as CSV. Plain GET forms to resource routes, so the browser downloads the
// file itself; exports always apply small-cell suppression.
import { Button, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import { EmptyState } from '~/components/EmptyState'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

export interface ExportPanelProps {
  options: {
    suppressionThreshold: number
    measures: { id: string; code: string; name: string }[]
    schools: { id: string; code: string; name: string }[]
    groups: { id: string; code: string; name: string }[]
    teams: { id: string; name: string; schoolName: string }[]
  }
}

export function ExportPanel({ options }: ExportPanelProps) {
  const [measureId, setMeasureId] = useState<string | null>(options.measures[0]?.id ?? null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const badRange = from !== '' && to !== '' && to < from
  const n = options.suppressionThreshold
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <form method="get" action="/data/export/observations.csv">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Observations
            </Title>
            <Text size="sm" c="dimmed">
              One row per school, period and student group, exactly as the charts and tables show them, for
              everyone. Privacy: a cell with fewer than {n} students is written as “n&lt;{n}” with its numbers
              left blank; a cell that would let someone work one out is written “suppressed” (the last column
              says why); a rate close to 0 % or 100 % in a small group is written as a range, such as “≤5%”.
            </Text>
            {options.measures.length === 0 ? (
              <EmptyState title="No measures yet">
                Add a measure on the Measures and data page, enter or import its data, then export it here.
              </EmptyState>
            ) : (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label="Measure"
                    name="measureId"
                    required
                    allowDeselect={false}
                    searchable
                    value={measureId}
                    onChange={setMeasureId}
                    data={options.measures.map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))}
                  />
                  <Select
                    label="School"
                    name="schoolId"
                    placeholder="Every school you can see"
                    clearable
                    searchable
                    data={options.schools.map((s) => ({ value: s.id, label: s.name }))}
                  />
                  <Select
                    label="Student group"
                    name="studentGroupId"
                    placeholder="Every student group"
                    clearable
                    data={options.groups.map((g) => ({ value: g.id, label: `${g.name} (${g.code})` }))}
                  />
                  <Group grow align="flex-start">
                    <TextInput
                      type="date"
                      label="From"
                      name="from"
                      value={from}
                      onChange={(e) => setFrom(e.currentTarget.value)}
                    />
                    <TextInput
                      type="date"
                      label="To"
                      name="to"
                      value={to}
                      onChange={(e) => setTo(e.currentTarget.value)}
                      error={badRange ? 'The end is before the start.' : undefined}
                    />
                  </Group>
                </SimpleGrid>
                <Group>
                  <Button
                    type="submit"
                    leftSection={<IconDownload size={16} aria-hidden />}
                    disabled={!measureId || badRange}
                  >
                    Download observations CSV
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </form>
      </Paper>

      <Paper withBorder p="md">
        <form method="get" action="/data/export/cycles.csv">
          <Stack gap="sm">
            <Title order={2} size="h4">
              PDSA cycles
            </Title>
            <Text size="sm" c="dimmed">
              One row per cycle with every worksheet field as plain text, its stage and dates, questions and
              predictions, tasks, linked measures with their verdicts, and the decision.
            </Text>
            <Select
              label="Team"
              name="teamId"
              placeholder="Every team you can see"
              clearable
              searchable
              maw={480}
              data={options.teams.map((t) => ({ value: t.id, label: `${t.name} · ${t.schoolName}` }))}
            />
            <Group>
              <Button type="submit" leftSection={<IconDownload size={16} aria-hidden />}>
                Download cycles CSV
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
