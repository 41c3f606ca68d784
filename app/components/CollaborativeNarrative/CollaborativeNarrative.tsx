import { Box, Skeleton } from '@mantine/core'
import type { NarrativeSectionKey } from '@pdsa/domain'
import { PLAN_SECTION_KEYS } from '@pdsa/domain/collab'
import { Text } from '~/components/Text'
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
  /**
   * Whether this user may open the live document (team members, its coaches, district leaders).
   * Others (school or district viewers) read the stored text only.
   */
  live?: boolean
}

/** The section's stored plain text, read-only (server rendering, and until the document is synced). */
function StaticNarrative({
  label,
  hint,
  value,
  loading,
}: Pick<CollaborativeNarrativeProps, 'label' | 'hint' | 'value'> & { loading: boolean }) {
  return (
    <Box aria-busy={loading}>
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
      ) : loading ? (
        <Skeleton height={72} radius="md" animate={false} />
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          Nothing written yet.
        </Text>
      )}
    </Box>
  )
}

/**
 * One narrative section of the worksheet, co-edited in real time: every section editor of a cycle
 * shares one Yjs document (see `useCycleDocument`). Render `CollaborationStatus` once per page for
 * presence and the saved state.
 */
export function CollaborativeNarrative({
  cycleId,
  section,
  label,
  hint,
  value,
  canEdit,
  live = true,
}: CollaborativeNarrativeProps) {
  const root = useRootData()
  const user = live && root?.user ? { id: root.user.id, name: root.user.name } : null
  const { document, status } = useCycleDocument(cycleId, user)
  const showEditor =
    document !== null &&
    user !== null &&
    (status.synced || (status.localReady && status.connection !== 'connecting'))
  if (!showEditor) return <StaticNarrative label={label} hint={hint} value={value} loading={user !== null} />
  const frozen = status.locked.includes(section)
  // The Plan sections are marked as locked (the predictions); a completed cycle is simply read-only.
  const locked = frozen && PLAN_SECTION_KEYS.includes(section)
  const editable = canEdit && status.access !== 'read' && !frozen && status.closeCode === null
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
