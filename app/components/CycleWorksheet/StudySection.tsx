import { SegmentedControl } from '@mantine/core'
import type { Confirmation } from '@pdsa/domain'
import { Stack } from '~/components/Layout'
import type { CycleView } from '~/components/NewCycleModal'
import { QuestionResults } from '~/components/QuestionsEditor'
import { Text } from '~/components/Text'
import { LockedPlanNotes } from './LockedPlanNotes'
import { Narrative } from './narrative'
import { useCycleUpdate } from './use-cycle-update'
import { EditorSlot, SubHeading, WorksheetSection } from './WorksheetSection'

const LABELS: Record<Confirmation, string> = { yes: 'Yes', partly: 'Partly', no: 'No' }

/** Study: predictions next to results, whether they were confirmed, and what was learned. */
export function StudySection({ cycle }: { cycle: CycleView }) {
  const update = useCycleUpdate('Saved.')
  return (
    <WorksheetSection
      stage="study"
      current={cycle.stage}
      title="Study"
      intro="Compare the results with the predictions. What did we learn?"
    >
      <SubHeading>Predictions and results</SubHeading>
      <LockedPlanNotes cycle={cycle} />
      <EditorSlot
        editable={cycle.canEdit && cycle.predictionsLocked && cycle.questions.length > 0}
        height={340 * cycle.questions.length + 40}
      >
        <QuestionResults cycle={cycle} />
      </EditorSlot>
      {cycle.canEdit ? (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="predictions-confirmed">
            Were the predictions confirmed overall?
          </Text>
          <SegmentedControl
            aria-labelledby="predictions-confirmed"
            style={{ alignSelf: 'flex-start' }}
            data={[
              { value: '', label: 'Not yet' },
              ...Object.entries(LABELS).map(([value, label]) => ({ value, label })),
            ]}
            value={cycle.predictionsConfirmed ?? ''}
            disabled={update.isPending}
            onChange={(v) =>
              update.mutate({ id: cycle.id, predictionsConfirmed: v === '' ? null : (v as Confirmation) })
            }
          />
        </Stack>
      ) : (
        <Text size="sm">
          <Text span fw={600} size="sm">
            Predictions confirmed:{' '}
          </Text>
          {cycle.predictionsConfirmed ? LABELS[cycle.predictionsConfirmed].toLowerCase() : 'not recorded'}
        </Text>
      )}
      <Narrative cycle={cycle} section="study" />
    </WorksheetSection>
  )
}
