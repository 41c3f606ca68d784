import { Alert, Button, List, Loader, Modal } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IMPORT_UNDO_DAYS } from '@pdsa/domain'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import { plural } from '~/lib/plural'
import { parseClientError, useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'

export type ImportBatchRow = RouterOutputs['data']['importHistory']['batches'][number]

/**
 * Confirms an undo with what it will do (rows removed, rows restored), shows progress while the server
 * works, and keeps the server's refusal (which cells a later change touched) in the dialog to read.
 */
export function UndoImportDialog({ batch, onClose }: { batch: ImportBatchRow; onClose: () => void }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { dateTime } = useDistrictTime()
  const undo = useMutation(
    trpc.data.undoImport.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({ color: 'green', message: result.message })
        onClose()
        // Observations changed: every chart, table and verdict reads them.
        await queryClient.invalidateQueries()
      },
    }),
  )
  return (
    <Modal
      opened
      onClose={undo.isPending ? () => {} : onClose}
      title={`Undo the import of ${batch.fileName}?`}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">
          Imported {dateTime(batch.createdAt)} by {batch.createdBy}. Undoing puts the data back exactly as it
          was before this import:
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>
            <strong>{plural(batch.inserted, 'observation')}</strong> the import added will be removed.
          </List.Item>
          <List.Item>
            <strong>{plural(batch.updated, 'observation')}</strong> the import changed will get their earlier
            values back.
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          Charts and verdicts are recalculated. The import stays in the history, marked as undone. Imports can
          be undone for {IMPORT_UNDO_DAYS} days (this one until {dateTime(batch.undoUntil)}).
        </Text>
        {undo.error ? (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Not undone" role="alert">
            {parseClientError(undo.error).message}
          </Alert>
        ) : null}
        {undo.isPending ? (
          <Group gap="xs" role="status" aria-live="polite">
            <Loader size="xs" />
            <Text size="sm">Undoing the import… this can take a moment for a large file.</Text>
          </Group>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={undo.isPending}>
            Keep the import
          </Button>
          <Button color="red" loading={undo.isPending} onClick={() => undo.mutate({ batchId: batch.id })}>
            Undo import
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
