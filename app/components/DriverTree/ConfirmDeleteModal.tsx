import { Button, Modal } from '@mantine/core'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

/** Asks before deleting; the button shows progress while the server works. */
export function ConfirmDeleteModal({
  opened,
  title,
  children,
  confirmLabel,
  loading,
  onConfirm,
  onClose,
}: {
  opened: boolean
  title: string
  children: React.ReactNode
  confirmLabel: string
  loading: boolean
  onConfirm: () => void
  onClose: () => void
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Text size="sm" component="div">
          {children}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
