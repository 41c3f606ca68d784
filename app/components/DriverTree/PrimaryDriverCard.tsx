import { Button, Card, Divider, Title } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import { CycleCount } from './CycleCount'
import { NodeMenu } from './NodeMenu'
import { SecondaryDriverRow } from './SecondaryDriverRow'
import type { PrimaryDriver, TreeActions } from './types'

/** A primary driver with its secondary drivers and their change ideas. */
export function PrimaryDriverCard({
  driver,
  index,
  count,
  actions,
}: {
  driver: PrimaryDriver
  index: number
  count: number
  actions: TreeActions
}) {
  const ref = { id: driver.id, title: driver.title, description: driver.description, parentId: null }
  return (
    <Card padding="lg" component="li" style={{ listStyle: 'none' }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Text size="xs" fw={700} tt="uppercase" c="brand.9">
              Primary driver {index + 1}
            </Text>
            <Title order={3} size="h4">
              {driver.title}
            </Title>
            {driver.description ? (
              <Text size="sm" c="dimmed">
                {driver.description}
              </Text>
            ) : null}
            <CycleCount>
              {driver.totalCycleCount === 0
                ? 'No cycle targets this driver yet'
                : `${plural(driver.totalCycleCount, 'cycle')} target this driver or its secondary drivers`}
            </CycleCount>
          </Stack>
          {actions.canEdit ? (
            <NodeMenu
              label={`Actions for primary driver ${driver.title}`}
              items={[
                { label: 'Edit', icon: <IconEdit size={16} />, onClick: () => actions.editDriver(ref) },
                {
                  label: 'Move up',
                  icon: <IconArrowUp size={16} />,
                  disabled: index === 0,
                  onClick: () => actions.moveDriver(driver.id, index - 1),
                },
                {
                  label: 'Move down',
                  icon: <IconArrowDown size={16} />,
                  disabled: index === count - 1,
                  onClick: () => actions.moveDriver(driver.id, index + 1),
                },
                {
                  label: 'Delete primary driver',
                  icon: <IconTrash size={16} />,
                  danger: true,
                  onClick: () => actions.deleteDriver(ref, driver.secondaries.length),
                },
              ]}
            />
          ) : null}
        </Group>
        <Divider />
        {driver.secondaries.length > 0 ? (
          <Stack gap="lg" component="ul" p={0} m={0} aria-label={`Secondary drivers of ${driver.title}`}>
            {driver.secondaries.map((s, i) => (
              <SecondaryDriverRow
                key={s.id}
                driver={s}
                index={i}
                count={driver.secondaries.length}
                actions={actions}
              />
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Add secondary drivers: the specific practices, processes or norms that would move “{driver.title}
            ”.
          </Text>
        )}
        {actions.canEdit ? (
          <div>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => actions.addSecondary(driver.id)}
              aria-label={`Add secondary driver under ${driver.title}`}
            >
              Add secondary driver
            </Button>
          </div>
        ) : null}
      </Stack>
    </Card>
  )
}
