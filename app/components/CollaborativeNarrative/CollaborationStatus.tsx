import { Alert, Badge, Loader, Paper } from '@mantine/core'
import { NARRATIVE_SECTIONS } from '@pdsa/domain'
import { COLLAB_CLOSE } from '@pdsa/domain/collab'
import { IconAlertTriangle, IconCheck, IconCloudOff, IconEye, IconPlugConnected } from '@tabler/icons-react'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useCycleDocument } from '~/hooks/use-cycle-document'
import { useRootData } from '~/root'
import type { CycleDocumentStatus } from './cycle-document'
import { PresenceAvatars } from './PresenceAvatars'

const CLOSED_MESSAGES: Record<number, string> = {
  [COLLAB_CLOSE.unauthorized]:
    'Your session ended. Sign in again to keep editing; your unsent changes stay on this device.',
  [COLLAB_CLOSE.forbidden]: 'You no longer have access to this worksheet.',
  [COLLAB_CLOSE.notFound]: 'This cycle no longer exists.',
  [COLLAB_CLOSE.documentTooLarge]:
    'This worksheet reached its size limit: remove some text before adding more.',
  [COLLAB_CLOSE.badMessage]:
    'The connection was closed after an unexpected error. Reload the page to continue.',
}

const REFUSALS: Record<string, string> = {
  locked: 'Some changes were not kept: the Plan sections are locked since the test started.',
  'read-only': 'Your changes are not kept: you can read this worksheet but not edit it.',
  'invalid-section': 'Some changes were not kept because they were outside the worksheet.',
}

function ConnectionBadge({ status }: { status: CycleDocumentStatus }) {
  if (status.connection === 'connected') {
    return (
      <Badge
        variant="light"
        color="brand"
        c="brand.9"
        leftSection={<IconPlugConnected size={12} aria-hidden />}
      >
        Live
      </Badge>
    )
  }
  if (status.connection === 'offline') {
    return (
      <Badge variant="light" color="gray" c="dark.7" leftSection={<IconCloudOff size={12} aria-hidden />}>
        Offline
      </Badge>
    )
  }
  if (status.connection === 'closed') {
    return (
      <Badge variant="light" color="red" c="red.9">
        Disconnected
      </Badge>
    )
  }
  return (
    <Badge
      variant="light"
      color="yellow"
      c="dark.7"
      leftSection={<Loader size={10} color="dark.7" aria-hidden />}
    >
      {status.connection === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
    </Badge>
  )
}

/** "Hypothesis and Predictions": the sections whose edits wait on this device. */
function sectionList(keys: readonly string[]): string {
  const labels = NARRATIVE_SECTIONS.filter((s) => keys.includes(s.key)).map((s) => s.label)
  if (labels.length <= 1) return labels.join('')
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`
}

/** While offline: that the page works from this device's copy, and what will be sent later. */
function OfflineNotice({ status, canEdit }: { status: CycleDocumentStatus; canEdit: boolean }) {
  const editing = canEdit && status.access !== 'read'
  const pending = sectionList(status.unsavedSections)
  return (
    <Alert
      mt="xs"
      color="gray"
      variant="light"
      title="Offline — your changes are kept on this device"
      icon={<IconCloudOff size={16} aria-hidden />}
    >
      {!editing
        ? 'You are reading the worksheet as it was last loaded on this device.'
        : status.unsaved
          ? `Your edits${pending ? ` to ${pending}` : ''} will be sent to the team when the connection is back.`
          : 'Nothing is waiting to be sent. Keep writing: your edits are sent when the connection is back.'}
    </Alert>
  )
}

function SaveState({ status, canEdit }: { status: CycleDocumentStatus; canEdit: boolean }) {
  if (!canEdit || status.access === 'read') {
    return (
      <Group gap={4}>
        <IconEye size={14} aria-hidden />
        <Text size="sm" c="dimmed">
          View only
        </Text>
      </Group>
    )
  }
  if (!status.unsaved) {
    return status.synced ? (
      <Group gap={4}>
        <IconCheck size={14} color="var(--mantine-color-brand-9)" aria-hidden />
        <Text size="sm" c="brand.9">
          All changes saved
        </Text>
      </Group>
    ) : null
  }
  if (status.connection === 'offline') {
    return (
      <Group gap={4}>
        <IconAlertTriangle size={14} color="var(--mantine-color-orange-9)" aria-hidden />
        <Text size="sm" c="orange.9">
          Not sent yet
        </Text>
      </Group>
    )
  }
  if (status.connection === 'connected') {
    return (
      <Group gap={4}>
        <Loader size={12} aria-hidden />
        <Text size="sm" c="dimmed">
          Saving…
        </Text>
      </Group>
    )
  }
  return (
    <Group gap={4}>
      <IconAlertTriangle size={14} color="var(--mantine-color-orange-9)" aria-hidden />
      <Text size="sm" c="orange.9">
        Unsent changes: kept on this device, they are sent when the connection is back
      </Text>
    </Group>
  )
}

/**
 * Presence, connection and saved state of a cycle's collaborative worksheet. Render it once above the
 * worksheet; it shares the document the section editors use.
 */
export function CollaborationStatus({
  cycleId,
  canEdit,
  live = true,
}: {
  cycleId: string
  canEdit: boolean
  /** False for people who read the stored worksheet only (see CollaborativeNarrative): no live document. */
  live?: boolean
}) {
  const root = useRootData()
  const user = live && root?.user ? { id: root.user.id, name: root.user.name } : null
  const { document, status } = useCycleDocument(cycleId, user)
  if (!live) {
    return (
      <Paper withBorder px="md" py="xs" role="region" aria-label="Collaboration">
        <Group gap={4}>
          <IconEye size={14} aria-hidden />
          <Text size="sm" c="dimmed">
            View only: the worksheet as last saved. Reload the page to see newer edits.
          </Text>
        </Group>
      </Paper>
    )
  }
  const closed = status.closeCode !== null ? CLOSED_MESSAGES[status.closeCode] : undefined
  const refusal = status.refusal && canEdit ? REFUSALS[status.refusal] : undefined
  return (
    <Paper withBorder px="md" py="xs" role="region" aria-label="Collaboration">
      <Group justify="space-between" gap="sm">
        <PresenceAvatars document={document} selfId={user?.id ?? null} />
        <Group gap="sm" aria-live="polite">
          <SaveState status={status} canEdit={canEdit} />
          <ConnectionBadge status={status} />
        </Group>
      </Group>
      {status.connection === 'offline' ? <OfflineNotice status={status} canEdit={canEdit} /> : null}
      {closed ? (
        <Alert mt="xs" color="red" variant="light" icon={<IconAlertTriangle size={16} aria-hidden />}>
          {closed}
        </Alert>
      ) : null}
      {refusal ? (
        <Alert mt="xs" color="orange" variant="light" icon={<IconAlertTriangle size={16} aria-hidden />}>
          {refusal}
        </Alert>
      ) : null}
    </Paper>
  )
}
