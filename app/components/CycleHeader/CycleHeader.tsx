import { Badge, Button, Paper } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPencil, IconPrinter } from '@tabler/icons-react'
import { Link } from 'react-router'
import { Stack } from '~/components/Layout'
import { type CycleView, EditCycleDetailsModal } from '~/components/NewCycleModal'
import { PageHeader } from '~/components/PageHeader'
import { StageBadge } from '~/components/StageBadge'
import { CycleFacts } from './CycleFacts'
import { DeleteCycleButton } from './DeleteCycleButton'

/** The top of the cycle page: title, team and school, stage, and the cycle's facts. */
export function CycleHeader({ cycle }: { cycle: CycleView }) {
  const [editing, { open, close }] = useDisclosure(false)
  return (
    <Stack gap={0}>
      <PageHeader
        title={cycle.title}
        crumbs={[
          { label: cycle.school.name },
          { label: cycle.team.name, to: `/teams/${cycle.team.id}` },
          { label: `Cycle ${cycle.cycleNumber}` },
        ]}
        badge={
          <>
            <StageBadge stage={cycle.stage} size="lg" />
            {cycle.canEdit ? null : <Badge variant="light">Read only</Badge>}
          </>
        }
        actions={
          <>
            <Button
              component={Link}
              to={`/cycles/${cycle.id}/print`}
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
            >
              Print worksheet
            </Button>
            {cycle.canEdit ? (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={open}>
                Edit details
              </Button>
            ) : null}
            {cycle.canManage ? (
              <DeleteCycleButton cycleId={cycle.id} title={cycle.title} teamId={cycle.team.id} />
            ) : null}
          </>
        }
      />
      <Paper withBorder p="md" mb="lg" id="cycle-header">
        <CycleFacts cycle={cycle} />
      </Paper>
      {cycle.canEdit ? <EditCycleDetailsModal opened={editing} onClose={close} cycle={cycle} /> : null}
    </Stack>
  )
}
