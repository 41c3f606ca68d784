import { CollaborationStatus } from '~/components/CollaborativeNarrative'
import type { CycleView } from '~/components/NewCycleModal'

/** Who else has the worksheet open, and whether this page's edits are connected and saved: once per page. */
export function WorksheetCollaboration({ cycle }: { cycle: CycleView }) {
  return (
    <CollaborationStatus
      cycleId={cycle.id}
      canEdit={cycle.canEdit && cycle.stage !== 'complete'}
      live={cycle.canComment}
    />
  )
}
