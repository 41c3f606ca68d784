import { NARRATIVE_SECTIONS, type NarrativeSectionKey } from '@pdsa/domain'
import { NarrativeField } from '~/components/NarrativeField'
import type { CycleView } from '~/components/NewCycleModal'

/** The NarrativeField of one section, with the section's label and hint. */
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
    <NarrativeField
      cycleId={cycle.id}
      section={section}
      label={label ?? meta?.label ?? section}
      hint={meta?.hint ?? ''}
      value={cycle.texts[section]}
      canEdit={cycle.canEdit}
    />
  )
}
