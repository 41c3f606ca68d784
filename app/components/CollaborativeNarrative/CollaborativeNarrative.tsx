import { Box, Skeleton, Text } from '@mantine/core'
import type { NarrativeSectionKey } from '@pdsa/domain'
import { useCycleDocument } from '~/hooks/use-cycle-document'
import { useRootData } from '~/root'
import { NarrativeEditor } from './NarrativeEditor'
import { userColor } from './user-color'

export interface CollaborativeNarrativeProps {
  cycleId: string
  section: NarrativeSectionKey
  label: string
  hint: string
  /** The section's plain text from the server: shown until the live document is synced. */
  value: string
  canEdit: boolean
}

/** The section's stored plain text, read-only (server rendering, and until the document is synced). */
function StaticNarrative({
  label,
  hint,
  value,
}: Pick<CollaborativeNarrativeProps, 'label' | 'hint' | 'value'>) {
  return (
    <Box aria-busy="true">
      <Text fw={600} size="sm" mb={2}>
        {label}
      </Text>
      <Text size="xs" c="dimmed" mb={6}>
        {hint}
      </Text>
      {value.trim() ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} px="sm" py={6}>
          {value}
        </Text>
      ) : (
        <Skeleton height={72} radius="md" animate={false} />
      )}
    </Box>
  )
}

/**
 * One narrative section of the worksheet, co-edited in real time: every section editor of a cycle
 * shares one Yjs document (see `useCycleDocument`). Drop-in replacement for `NarrativeField`
 * (same props); render `CollaborationStatus` once per page for presence and the saved state.
 */
export function CollaborativeNarrative({
  cycleId,
  section,
  label,
  hint,
  value,
  canEdit,
}: CollaborativeNarrativeProps) {
  const root = useRootData()
  const user = root?.user ? { id: root.user.id, name: root.user.name } : null
  const { document, status } = useCycleDocument(cycleId, user)
  const showEditor =
    document !== null &&
    user !== null &&
    (status.synced || (status.localReady && status.connection !== 'connecting'))
  if (!showEditor) return <StaticNarrative label={label} hint={hint} value={value} />
  const locked = status.locked.includes(section)
  const editable = canEdit && status.access !== 'read' && !locked && status.closeCode === null
  return (
    <NarrativeEditor
      document={document}
      section={section}
      label={label}
      hint={hint}
      editable={editable}
      locked={locked}
      user={{ name: user.name, color: userColor(user.id) }}
    />
  )
}
