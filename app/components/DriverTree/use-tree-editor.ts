import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import type { DriverEditor } from './DriverFormModal'
import type { ChangeIdea, DriverRef, TreeActions } from './types'

export type Pending =
  | { kind: 'driver'; editor: DriverEditor }
  | { kind: 'idea'; idea: ChangeIdea | null; driverIds: string[] }
  | { kind: 'delete-driver'; driver: DriverRef; secondaryCount: number }
  | { kind: 'delete-idea'; idea: ChangeIdea }

/** The diagram editor's state (which modal is open) and its mutations, shared by the tree's nodes. */
export function useTreeEditor(canEdit: boolean) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [pending, setPending] = useState<Pending | null>(null)
  const close = () => setPending(null)
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.changeIdea.pathKey() }),
    ])
  const after = (success: string) => {
    const feedback = mutationFeedback({ success })
    return {
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await refresh()
        close()
      },
    }
  }
  const move = useMutation(
    trpc.driver.update.mutationOptions({ ...mutationFeedback({}), onSuccess: () => refresh() }),
  )
  const deleteDriver = useMutation(trpc.driver.delete.mutationOptions(after('Driver deleted.')))
  const deleteIdea = useMutation(trpc.changeIdea.delete.mutationOptions(after('Change idea deleted.')))

  const actions: TreeActions = {
    canEdit,
    addSecondary: (parentId) => setPending({ kind: 'driver', editor: { mode: 'create', parentId } }),
    editDriver: (driver) => setPending({ kind: 'driver', editor: { mode: 'edit', driver } }),
    moveDriver: (id, position) => move.mutate({ id, position }),
    deleteDriver: (driver, secondaryCount) => setPending({ kind: 'delete-driver', driver, secondaryCount }),
    addChangeIdea: (secondaryId) =>
      setPending({ kind: 'idea', idea: null, driverIds: secondaryId ? [secondaryId] : [] }),
    editChangeIdea: (idea) => setPending({ kind: 'idea', idea, driverIds: idea.driverIds }),
    deleteChangeIdea: (idea) => setPending({ kind: 'delete-idea', idea }),
  }
  return {
    actions,
    pending,
    close,
    refresh,
    addPrimary: () => setPending({ kind: 'driver', editor: { mode: 'create', parentId: null } }),
    deleteDriver,
    deleteIdea,
  }
}
