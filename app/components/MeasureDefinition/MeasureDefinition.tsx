import { Badge, Paper, SimpleGrid } from '@mantine/core'
import {
  CADENCE_LABELS,
  CHART_TYPE_LABELS,
  FAMILY_DESCRIPTIONS,
  FAMILY_LABELS,
  formatSchoolYearStart,
  periodAlignmentRule,
  UNIT_LABELS,
  usesNumeratorDenominator,
} from '@pdsa/domain'
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import type { RouterOutputs } from '~/lib/types'

type Measure = RouterOutputs['measure']['byId']

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  )
}

/** What a measure is: its definition, unit, direction, cadence, accumulation and chart. */
export function MeasureDefinition({ measure }: { measure: Measure }) {
  const ratio = usesNumeratorDenominator(measure.unit)
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        {measure.description ? <Text size="sm">{measure.description}</Text> : null}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Item label="Family">
            {FAMILY_LABELS[measure.family]}
            <Text size="xs" c="dimmed">
              {FAMILY_DESCRIPTIONS[measure.family]}
            </Text>
          </Item>
          <Item label="Unit">
            {UNIT_LABELS[measure.unit]}
            {measure.multiplier !== 1 && measure.unit !== 'percent' ? ` (× ${measure.multiplier})` : ''}
          </Item>
          <Item label="Better when">
            <Group gap={4}>
              {measure.higherIsBetter ? (
                <IconArrowUpRight size={16} aria-hidden />
              ) : (
                <IconArrowDownRight size={16} aria-hidden />
              )}
              {measure.higherIsBetter ? 'Higher' : 'Lower'}
            </Group>
          </Item>
          <Item label="Cadence">
            {CADENCE_LABELS[measure.cadence]}
            <Text size="xs" c="dimmed">
              {periodAlignmentRule(measure.cadence) === 'Any date.'
                ? 'Any start date.'
                : periodAlignmentRule(measure.cadence)}
            </Text>
          </Item>
          <Item label="Accumulates">
            {measure.accumulation === 'to_date' ? 'Year to date' : 'Per period'}
            <Text size="xs" c="dimmed">
              {measure.accumulation === 'to_date'
                ? `Cumulative within the school year; restarts every ${formatSchoolYearStart(measure.schoolYearStart)}.`
                : 'Each value describes its own period.'}
            </Text>
          </Item>
          <Item label="Chart">{CHART_TYPE_LABELS[measure.chartType]}</Item>
          <Item label="Code">
            <Text span ff="monospace" size="sm">
              {measure.code}
            </Text>
          </Item>
          <Item label="Scope">{measure.school ? `${measure.school.name} only` : 'District library'}</Item>
          {measure.isAdverseEvent ? (
            <Item label="Adverse event">
              <Badge variant="outline" color="orange.9" size="sm">
                Gaps also as risk ratios
              </Badge>
            </Item>
          ) : null}
        </SimpleGrid>
        {ratio || measure.numeratorDefinition || measure.denominatorDefinition ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Item label="Numerator">{measure.numeratorDefinition || '—'}</Item>
            <Item label="Denominator (the n)">{measure.denominatorDefinition || '—'}</Item>
          </SimpleGrid>
        ) : null}
      </Stack>
    </Paper>
  )
}
