import {
  Anchor,
  Button,
  Code,
  Modal,
  ScrollArea,
  SimpleGrid,
  Table,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { auditActionLabel, auditEntityLabel } from '@pdsa/domain'
import { IconHistory } from '@tabler/icons-react'
import { useState } from 'react'
import { Link } from 'react-router'
import { EmptyState } from '~/components/EmptyState'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import { type AuditEvent, changeSummary, entityPath } from './audit-format'

/** One page of audit events: when, who, what, which record, and what changed (details in a dialog). */
export function AuditLogTable({ events, filtered }: { events: AuditEvent[]; filtered: boolean }) {
  const { dateTime: when } = useDistrictTime()
  const [open, setOpen] = useState<AuditEvent | null>(null)
  if (events.length === 0) {
    return (
      <EmptyState
        icon={<IconHistory size={22} />}
        title={filtered ? 'No events match these filters' : 'Nothing recorded yet'}
      >
        {filtered
          ? 'Widen the date range or clear a filter.'
          : 'Every change to goals, cycles, data, users and settings will be listed here.'}
      </EmptyState>
    )
  }
  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
              <Table.Th scope="col">Record</Table.Th>
              <Table.Th scope="col">Changes</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Details</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((e) => {
              const path = entityPath(e)
              return (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{when(e.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.actor?.name ?? 'System'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" title={e.action}>
                      {auditActionLabel(e.action)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {auditEntityLabel(e.entityType)}
                    </Text>
                    {path ? (
                      <Anchor component={Link} to={path} size="sm">
                        {e.entityName ?? 'Open'}
                      </Anchor>
                    ) : (
                      <Text size="sm">
                        {e.entityName ?? (e.entityType === 'district' ? 'Settings' : 'Deleted record')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={380}>
                    {changeSummary(e).map((line) => (
                      <Text key={line} size="xs" lineClamp={1}>
                        {line}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setOpen(e)}
                      aria-label={`Details of ${auditActionLabel(e.action)} on ${when(e.createdAt)}`}
                    >
                      Details
                    </Button>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        size="xl"
        title={open ? auditActionLabel(open.action) : ''}
      >
        {open ? (
          <Stack gap="sm">
            <Text size="sm">
              {open.actor?.name ?? 'System'} · {when(open.createdAt)} · {auditEntityLabel(open.entityType)}{' '}
              <Text span ff="monospace" size="xs">
                {open.entityId}
              </Text>
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {(['before', 'after'] as const).map((side) => (
                <div key={side}>
                  <Title order={3} size="h6" mb={4}>
                    {side === 'before' ? 'Before' : 'After'}
                  </Title>
                  <ScrollArea.Autosize mah={420}>
                    <Code block>{open[side] === null ? '—' : JSON.stringify(open[side], null, 2)}</Code>
                  </ScrollArea.Autosize>
                </div>
              ))}
            </SimpleGrid>
          </Stack>
        ) : null}
      </Modal>
    </>
  )
}
