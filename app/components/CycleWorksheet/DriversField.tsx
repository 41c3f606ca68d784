import { Badge, MultiSelect } from '@mantine/core'
import { useState } from 'react'
import { Group } from '~/components/Layout'
import type { CycleFormOptions, CycleView } from '~/components/NewCycleModal'
import { Text } from '~/components/Text'
import { useCycleUpdate } from './use-cycle-update'

/** The drivers of the goal's driver diagram this cycle targets; saved as soon as the choice changes. */
export function DriversField({
  cycle,
  options,
}: {
  cycle: CycleView
  options: CycleFormOptions | undefined
}) {
  const update = useCycleUpdate('Targeted drivers saved.')
  const [value, setValue] = useState(() => cycle.drivers.map((d) => d.id))
  if (!cycle.canEdit || !options) {
    return (
      <div>
        <Text fw={600} size="sm" mb={4}>
          Drivers targeted
        </Text>
        {cycle.drivers.length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic">
            No driver is named.
          </Text>
        ) : (
          <Group gap={6}>
            {cycle.drivers.map((d) => (
              <Badge key={d.id} variant="light" color="gray" tt="none">
                {d.title}
              </Badge>
            ))}
          </Group>
        )}
      </div>
    )
  }
  const drivers = options.drivers.filter((d) => !cycle.goal || d.goalId === cycle.goal.id)
  const data = [
    { group: 'Primary drivers', items: drivers.filter((d) => d.kind === 'primary') },
    { group: 'Secondary drivers', items: drivers.filter((d) => d.kind === 'secondary') },
  ]
    .filter((g) => g.items.length > 0)
    .map((g) => ({ group: g.group, items: g.items.map((d) => ({ value: d.id, label: d.title })) }))
  return (
    <MultiSelect
      label="Drivers targeted"
      description={
        drivers.length
          ? 'Which parts of the theory of improvement does this test?'
          : 'The goal has no drivers yet.'
      }
      placeholder={drivers.length ? 'Choose drivers' : undefined}
      data={data}
      value={value}
      onChange={(driverIds) => {
        setValue(driverIds)
        update.mutate({ id: cycle.id, driverIds })
      }}
      disabled={drivers.length === 0}
      searchable
      clearable
    />
  )
}
