import { SimpleGrid } from '@mantine/core'
import { LinkedMeasuresEditor } from '~/components/LinkedMeasuresEditor'
import type { CycleFormOptions, CycleView } from '~/components/NewCycleModal'
import { QuestionsEditor } from '~/components/QuestionsEditor'
import { TasksEditor } from '~/components/TasksEditor'
import { DriversField } from './DriversField'
import { Narrative } from './narrative'
import { SubHeading, WorksheetSection } from './WorksheetSection'

/**
 * Plan: objective, hypothesis, the linked measures (before the predictions that are quantified in them),
 * questions with predictions, the test plan, tasks, drivers.
 */
export function PlanSection({ cycle, options }: { cycle: CycleView; options: CycleFormOptions | undefined }) {
  return (
    <WorksheetSection
      stage="plan"
      current={cycle.stage}
      title="Plan"
      intro="What are we testing, what do we predict, and how will we know?"
      // The editable parts need the team's options; outside the Plan stage the page loads them in the browser.
      contentReady={!cycle.canEdit || options !== undefined}
    >
      <Narrative cycle={cycle} section="objective" />
      <Narrative cycle={cycle} section="hypothesis" />
      <SubHeading>Linked measures and data collection</SubHeading>
      <LinkedMeasuresEditor cycle={cycle} options={options} />
      <Narrative cycle={cycle} section="dataCollection" />
      <SubHeading>Questions and predictions</SubHeading>
      <QuestionsEditor cycle={cycle} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Narrative cycle={cycle} section="questions" />
        <Narrative cycle={cycle} section="predictions" />
      </SimpleGrid>
      <SubHeading>Test plan</SubHeading>
      <Narrative cycle={cycle} section="plan" label="Who, what, when, where" />
      <SubHeading>Tasks</SubHeading>
      <TasksEditor cycle={cycle} />
      <DriversField cycle={cycle} options={options} />
    </WorksheetSection>
  )
}
