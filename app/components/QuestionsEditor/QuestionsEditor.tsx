import { Button } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlus } from '@tabler/icons-react'
import { Group, Stack } from '~/components/Layout'
import type { CycleView } from '~/components/NewCycleModal'
import { AutosaveStatus } from '~/components/SaveState'
import { Text } from '~/components/Text'
import { LockedPrediction } from './LockedPrediction'
import { QuestionFields } from './QuestionFields'
import { emptyQuestion, toQuestionValues } from './question-values'
import { useQuestionsAutosave } from './use-save-questions'

const PART = 'Questions and predictions'

/**
 * The questions this test should answer, each with its prediction. Editable in Plan; from Do on the
 * predictions are shown read-only with a lock (the Plan → Do snapshot keeps them).
 */
export function QuestionsEditor({ cycle }: { cycle: CycleView }) {
  if (!cycle.canEdit || cycle.predictionsLocked) {
    if (cycle.questions.length === 0) {
      return (
        <Text size="sm" c="dimmed" fs="italic">
          No questions were written.
        </Text>
      )
    }
    return (
      <Stack gap="md">
        {cycle.questions.map((q, i) => (
          <LockedPrediction
            key={q.id}
            question={q}
            index={i}
            lockedOn={cycle.predictionsLocked ? cycle.predictionsLockedOn : false}
          />
        ))}
      </Stack>
    )
  }
  return <PlanQuestionsForm cycle={cycle} />
}

function PlanQuestionsForm({ cycle }: { cycle: CycleView }) {
  const form = useForm({
    initialValues: { questions: cycle.questions.map(toQuestionValues) },
    validate: {
      questions: {
        question: (v) => (v.trim() ? null : 'Write the question.'),
        measureId: (v, values, path) => {
          const i = Number(path.split('.')[1])
          return values.questions[i]?.kind !== 'none' && !v
            ? 'Choose the measure of the predicted value.'
            : null
        },
      },
    },
  })
  const autosave = useQuestionsAutosave(cycle, form, PART)
  const questions = form.getValues().questions
  return (
    // The questions save themselves: Enter in a field never submits anything.
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <Stack gap="sm">
        {questions.length === 0 ? (
          <Text size="sm" c="dimmed">
            What should this test answer? Add a question and predict its answer before the test starts.
          </Text>
        ) : null}
        {questions.map((q, i) => (
          <QuestionFields key={q.key} form={form} index={i} measures={cycle.measures} />
        ))}
        {form.errors.questions ? (
          <Text size="sm" c="red.8" role="alert">
            {form.errors.questions}
          </Text>
        ) : null}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => form.insertListItem('questions', emptyQuestion())}
            disabled={questions.length >= 20}
          >
            Add question
          </Button>
          <AutosaveStatus autosave={autosave} part={PART} />
        </Group>
      </Stack>
    </form>
  )
}
