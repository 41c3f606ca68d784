import type { UseFormReturnType } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CycleView } from '~/components/NewCycleModal'
import { type ListAutosave, useListAutosave } from '~/hooks/use-list-autosave'
import { useTRPC } from '~/lib/trpc'
import { isBlankQuestion, type QuestionValues, toQuestionInput, toQuestionValues } from './question-values'

type QuestionsForm = UseFormReturnType<{ questions: QuestionValues[] }>

/** The questions worth saving: every saved one, and new ones once something is written in them. */
const started = (questions: readonly QuestionValues[]) =>
  questions.map((q, index) => ({ q, index })).filter(({ q }) => q.id || !isBlankQuestion(q))

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
  const rowsOf = (questions: readonly QuestionValues[]) =>
    started(questions).map(({ q }) => toQuestionInput(q))
  return useListAutosave({
    part,
    rows: rowsOf(form.getValues().questions),
    server: {
      rows: cycle.questions.map((q) => toQuestionInput(toQuestionValues(q))),
      version: cycle.listVersions.questions,
    },
    validate: () => {
      const blank = new Set(
        form
          .getValues()
          .questions.flatMap((q, i) => (q.id || !isBlankQuestion(q) ? [] : [`questions.${i}.`])),
      )
      const { errors } = form.validate()
      const kept = Object.fromEntries(
        Object.entries(errors).filter(([path]) => ![...blank].some((prefix) => path.startsWith(prefix))),
      )
      form.setErrors(kept)
      return Object.keys(kept).length === 0
    },
    save: async (expectedVersion) => {
      const sent = started(form.getValues().questions)
      const rows = sent.map(({ q }) => toQuestionInput(q))
      const result = await mutation.mutateAsync({ id: cycle.id, expectedVersion, questions: rows })
      const idOf = new Map(sent.map(({ q }, j) => [q.key, result.ids[j]]))
      form.setValues((prev) => ({
        questions: (prev.questions ?? []).map((q) => (q.id ? q : { ...q, id: idOf.get(q.key) })),
      }))
      return { version: result.version, rows: rows.map((row, j) => ({ id: result.ids[j], ...row })) }
    },
    reset: () => form.setValues({ questions: cycle.questions.map(toQuestionValues) }),
    onFieldErrors: (errors) => {
      // Server paths count the rows sent; the form counts every row.
      const sent = started(form.getValues().questions)
      form.setErrors(
        Object.fromEntries(
          Object.entries(errors).map(([path, message]) => {
            const match = /^questions\.(\d+)\.(.+)$/.exec(path)
            const row = match ? sent[Number(match[1])] : undefined
            return [row && match ? `questions.${row.index}.${match[2]}` : path, message]
          }),
        ),
      )
    },
  })
}
