import { Box, Button, Grid, Title } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconBulb, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { plural } from '~/lib/plural'
import { ChangeIdeaItem } from './ChangeIdeaItem'
import { CycleCount } from './CycleCount'
import { NodeMenu } from './NodeMenu'
import type { SecondaryDriver, TreeActions } from './types'

/** A secondary driver (left) with the change ideas that act on it (right). */
export function SecondaryDriverRow({
  driver,
  index,
  count,
  actions,
}: {
  driver: SecondaryDriver
  index: number
  count: number
  actions: TreeActions
}) {
  const ref = {
    id: driver.id,
    title: driver.title,
    description: driver.description,
    parentId: driver.parentId,
  }
  return (
    <Box component="li" style={{ listStyle: 'none' }}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-brand-3)' }}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Title order={4} size="h6" fw={650}>
                {driver.title}
              </Title>
              {actions.canEdit ? (
                <NodeMenu
                  label={`Actions for secondary driver ${driver.title}`}
                  items={[
                    {
                      label: 'Edit or move',
                      icon: <IconEdit size={16} />,
                      onClick: () => actions.editDriver(ref),
                    },
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
                      label: 'Delete secondary driver',
                      icon: <IconTrash size={16} />,
                      danger: true,
                      onClick: () => actions.deleteDriver(ref, 0),
                    },
                  ]}
                />
              ) : null}
            </Group>
            {driver.description ? (
              <Text size="xs" c="dimmed">
                {driver.description}
              </Text>
            ) : null}
            <CycleCount>
              {driver.cycleCount === 0
                ? 'Not targeted by a cycle yet'
                : `Targeted by ${plural(driver.cycleCount, 'cycle')}`}
            </CycleCount>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="xs">
            {driver.changeIdeas.length > 0 ? (
              <Stack gap="xs" component="ul" p={0} m={0} aria-label={`Change ideas for ${driver.title}`}>
                {driver.changeIdeas.map((idea) => (
                  <ChangeIdeaItem key={idea.id} idea={idea} actions={actions} />
                ))}
              </Stack>
            ) : (
              <Group gap={6}>
                <IconBulb size={16} color="var(--mantine-color-gray-7)" aria-hidden />
                <Text size="xs" c="dimmed">
                  No change ideas yet: what could you try that would move this driver?
                </Text>
              </Group>
            )}
            {actions.canEdit ? (
              <div>
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => actions.addChangeIdea(driver.id)}
                  aria-label={`Add change idea for ${driver.title}`}
                >
                  Add change idea
                </Button>
              </div>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Box>
  )
}
