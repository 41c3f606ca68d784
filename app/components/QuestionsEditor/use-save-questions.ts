import type { UseFormReturnType } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CycleView } from '~/components/NewCycleModal'
import { errorsOnFormRows, errorsOnStartedRows, startedRows, withSavedIds } from '~/hooks/list-rows'
import { type ListAutosave, useListAutosave } from '~/hooks/use-list-autosave'
import { useTRPC } from '~/lib/trpc'
import { isBlankQuestion, type QuestionValues, toQuestionInput, toQuestionValues } from './question-values'

type QuestionsForm = UseFormReturnType<{ questions: QuestionValues[] }>

/** The questions worth saving: every saved one, and new ones once something is written in them. */
const started = (questions: readonly QuestionValues[]) => startedRows(questions, isBlankQuestion)

/**
 * The cycle's questions save themselves (ADR 032): Plan's questions and predictions, and from Do on the
 * results next to the locked predictions. New questions get their ids in place, so the form never resets.
 */
export function useQuestionsAutosave(cycle: CycleView, form: QuestionsForm, part: string): ListAutosave {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const mutation = useMutation(
    trpc.cycle.saveQuestions.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.cycle.pathKey() }),
    }),
  )
  return useListAutosave({
    part,
    rows: started(form.getValues().questions).map(({ row }) => toQuestionInput(row)),
    server: {
      rows: cycle.questions.map((q) => toQuestionInput(toQuestionValues(q))),
      version: cycle.listVersions.questions,
    },
    validate: () => {
      const shown = errorsOnStartedRows(form.validate().errors, started(form.getValues().questions))
      form.setErrors(shown)
      return Object.keys(shown).length === 0
    },
    save: async (expectedVersion) => {
      const sent = started(form.getValues().questions)
      const rows = sent.map(({ row }) => toQuestionInput(row))
      const result = await mutation.mutateAsync({ id: cycle.id, expectedVersion, questions: rows })
      form.setValues((prev) => ({ questions: withSavedIds(prev.questions ?? [], sent, result.ids) }))
      return { version: result.version, rows: rows.map((row, j) => ({ id: result.ids[j], ...row })) }
    },
    reset: () => form.setValues({ questions: cycle.questions.map(toQuestionValues) }),
    onFieldErrors: (errors) =>
      form.setErrors(errorsOnFormRows(errors, 'questions', started(form.getValues().questions))),
  })
}
