import { NARRATIVE_SECTIONS, type NarrativeSectionKey } from '@pdsa/domain'
import { CollaborativeNarrative } from '~/components/CollaborativeNarrative'
import type { CycleView } from '~/components/NewCycleModal'

/**
 * One narrative section of the worksheet, co-edited in real time (one shared Yjs document per cycle,
 * one fragment per section). The server-rendered page shows the section's stored text until the
 * live document is synced. Completed cycles are read-only for everyone.
 */
export function Narrative({
  cycle,
  section,
  label,
}: {
  cycle: CycleView
  section: NarrativeSectionKey
  label?: string
}) {
  const meta = NARRATIVE_SECTIONS.find((s) => s.key === section)
  return (
    <CollaborativeNarrative
      cycleId={cycle.id}
      section={section}
      label={label ?? meta?.label ?? section}
      hint={meta?.hint ?? ''}
      value={cycle.texts[section]}
      canEdit={cycle.canEdit && cycle.stage !== 'complete'}
      live={cycle.canComment}
    />
  )
}
