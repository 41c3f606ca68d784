import { SimpleGrid } from '@mantine/core'
import { LinkedMeasuresEditor } from '~/components/LinkedMeasuresEditor'
import type { CycleFormOptions, CycleView } from '~/components/NewCycleModal'
import { QuestionsEditor } from '~/components/QuestionsEditor'
import { TasksEditor } from '~/components/TasksEditor'
import { DriversField } from './DriversField'
import { Narrative } from './narrative'
import { EditorSlot, SubHeading, WorksheetSection } from './WorksheetSection'

/**
 * Plan: objective, hypothesis, the linked measures (before the predictions that are quantified in them),
 * questions with predictions, the test plan, tasks, drivers. The list editors render after hydration (they
 * need the team's options, which load in the browser): see EditorSlot.
 */
export function PlanSection({ cycle, options }: { cycle: CycleView; options: CycleFormOptions | undefined }) {
  const optionsReady = options !== undefined
  return (
    <WorksheetSection
      stage="plan"
      current={cycle.stage}
      title="Plan"
      intro="What are we testing, what do we predict, and how will we know?"
      // The editable parts need the team's options, which load in the browser.
      contentReady={!cycle.canEdit || optionsReady}
    >
      <Narrative cycle={cycle} section="objective" />
      <Narrative cycle={cycle} section="hypothesis" />
      <SubHeading>Linked measures and data collection</SubHeading>
      <EditorSlot editable={cycle.canEdit} ready={optionsReady} height={60 + 190 * cycle.measures.length}>
        <LinkedMeasuresEditor cycle={cycle} options={options} />
      </EditorSlot>
      <Narrative cycle={cycle} section="dataCollection" />
      <SubHeading>Questions and predictions</SubHeading>
      <EditorSlot
        editable={cycle.canEdit && !cycle.predictionsLocked}
        height={60 + 180 * cycle.questions.length}
      >
        <QuestionsEditor cycle={cycle} />
      </EditorSlot>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Narrative cycle={cycle} section="questions" />
        <Narrative cycle={cycle} section="predictions" />
      </SimpleGrid>
      <SubHeading>Test plan</SubHeading>
      <Narrative cycle={cycle} section="plan" label="Who, what, when, where" />
      <SubHeading>Tasks</SubHeading>
      <EditorSlot editable={cycle.canEdit} height={100 + 52 * cycle.tasks.length}>
        <TasksEditor cycle={cycle} />
      </EditorSlot>
      <EditorSlot editable={cycle.canEdit} ready={optionsReady} height={62}>
        <DriversField cycle={cycle} options={options} />
      </EditorSlot>
    </WorksheetSection>
  )
}
