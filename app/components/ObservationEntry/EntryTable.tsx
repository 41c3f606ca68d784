import { Table } from '@mantine/core'
import type { Cadence, MeasureUnit } from '@pdsa/domain'
import { periodLabel } from '~/components/ObservationsTable'
import { Text } from '~/components/Text'
import { EntryCell } from './EntryCell'
import { type CellErrors, cellKey, type Draft, type Field } from './use-entry-grid'

const STICKY = {
  position: 'sticky',
  left: 0,
  background: 'var(--mantine-color-body)',
  zIndex: 1,
  whiteSpace: 'nowrap',
} as const

export interface EntryGridView {
  ratio: boolean
  draftOf: (key: string) => Draft
  errors: Record<string, CellErrors>
  dirtyKeys: string[]
  /** The saved cells, with whether every other surface hides them. */
  originals: ReadonlyMap<string, { hiddenElsewhere: boolean }>
  setField: (key: string, field: Field, text: string) => void
}

/** The grid itself: one row per period (sticky first column), one column per student group. */
export function EntryTable({
  measure,
  schoolName,
  periods,
  groups,
  current,
  grid,
  disabled,
  threshold,
}: {
  measure: { name: string; cadence: Cadence; unit: MeasureUnit; multiplier: number }
  schoolName: string
  periods: string[]
  groups: { id: string; name: string }[]
  current: string
  grid: EntryGridView
  disabled: boolean
  threshold: number
}) {
  return (
    <Table.ScrollContainer minWidth={180 + groups.length * (grid.ratio ? 160 : 110)}>
      <Table withColumnBorders verticalSpacing={6}>
        <Table.Caption>{`${measure.name}: data entry for ${schoolName}`}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={STICKY}>
              Period
            </Table.Th>
            {groups.map((g) => (
              <Table.Th key={g.id} scope="col">
                {g.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((p) => (
            <Table.Tr key={p}>
              <Table.Th scope="row" fw={500} style={STICKY}>
                <Text size="sm">{periodLabel(measure.cadence, p)}</Text>
                {p === current ? (
                  <Text size="xs" c="dimmed">
                    Current period
                  </Text>
                ) : null}
              </Table.Th>
              {groups.map((g) => {
                const key = cellKey(p, g.id)
                return (
                  <Table.Td key={g.id} style={{ verticalAlign: 'top' }}>
                    <EntryCell
                      cellKey={key}
                      draft={grid.draftOf(key)}
                      errors={grid.errors[key]}
                      ratio={grid.ratio}
                      dirty={grid.dirtyKeys.includes(key)}
                      unit={measure.unit}
                      multiplier={measure.multiplier}
                      label={`${g.name}, ${periodLabel(measure.cadence, p)}`}
                      disabled={disabled}
                      hiddenElsewhere={grid.originals.get(key)?.hiddenElsewhere ?? false}
                      threshold={threshold}
                      onChange={grid.setField}
                    />
                  </Table.Td>
                )
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
