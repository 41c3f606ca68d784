import { Badge, Button, Table } from '@mantine/core'
import { IMPORT_UNDO_DAYS } from '@pdsa/domain'
import { IconArrowBackUp, IconFileImport } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { EmptyState } from '~/components/EmptyState'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import { useTRPC } from '~/lib/trpc'
import { type ImportBatchRow, UndoImportDialog } from './UndoImportDialog'

const count = (n: number) => n.toLocaleString('en-US')

function UndoCell({ batch, onUndo }: { batch: ImportBatchRow; onUndo: () => void }) {
  const { dateTime } = useDistrictTime()
  if (batch.undoneAt) {
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
          Undone
        </Badge>
        <Text size="xs" c="dimmed">
          Undone by {batch.undoneBy} at {dateTime(batch.undoneAt)}
        </Text>
      </Stack>
    )
  }
  if (!batch.canUndo) return null
  return (
    <Stack gap={2} align="flex-start">
      <Button
        size="compact-sm"
        variant="light"
        color="red"
        leftSection={<IconArrowBackUp size={14} />}
        onClick={onUndo}
        aria-label={`Undo import of ${batch.fileName}`}
      >
        Undo import
      </Button>
      <Text size="xs" c="dimmed">
        Until {dateTime(batch.undoUntil)}
      </Text>
    </Stack>
  )
}

/**
 * The district's recent imports (the importer's own for team members): when, by whom, what each did, and
 * "Undo import" for IMPORT_UNDO_DAYS days to the importer and district admins (ADR 031).
 */
export function ImportHistory({ limit = 10 }: { limit?: number }) {
  const trpc = useTRPC()
  const { dateTime, timeZone } = useDistrictTime()
  const { data: history } = useQuery(trpc.data.importHistory.queryOptions({ limit }))
  const [undoing, setUndoing] = useState<ImportBatchRow | null>(null)
  if (!history) return null
  if (history.batches.length === 0) {
    return (
      <EmptyState icon={<IconFileImport size={22} />} title="No imports yet">
        Choose a CSV file above: you will see what it would change before anything is written.
      </EmptyState>
    )
  }
  return (
    <>
      <Text size="sm" c="dimmed">
        Times are in the district’s time zone ({timeZone}). The person who ran an import, or a district admin,
        can undo it for {IMPORT_UNDO_DAYS} days.
      </Text>
      <Table.ScrollContainer minWidth={820}>
        <Table striped withTableBorder aria-label="Recent imports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th ta="right">New</Table.Th>
              <Table.Th ta="right">Changed</Table.Th>
              <Table.Th ta="right">Unchanged</Table.Th>
              <Table.Th ta="right">Skipped</Table.Th>
              <Table.Th>Undo</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.batches.map((b) => (
              <Table.Tr key={b.id} data-import-batch={b.fileName}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{b.fileName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(b.createdAt)}</Table.Td>
                <Table.Td>{b.createdBy}</Table.Td>
                <Table.Td ta="right">{count(b.inserted)}</Table.Td>
                <Table.Td ta="right">{count(b.updated)}</Table.Td>
                <Table.Td ta="right">{count(b.unchanged)}</Table.Td>
                <Table.Td ta="right">{count(b.skipped)}</Table.Td>
                <Table.Td>
                  <UndoCell batch={b} onUndo={() => setUndoing(b)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {undoing ? <UndoImportDialog batch={undoing} onClose={() => setUndoing(null)} /> : null}
    </>
  )
}
