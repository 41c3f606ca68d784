import type { RouterOutputs } from '~/lib/types'

export type Diagram = RouterOutputs['goal']['diagram']
export type PrimaryDriver = Diagram['primaries'][number]
export type SecondaryDriver = PrimaryDriver['secondaries'][number]
export type ChangeIdea = SecondaryDriver['changeIdeas'][number]

export interface DriverRef {
  id: string
  title: string
  description: string
  parentId: string | null
}

/** What the nodes of the tree can ask the editor to do. */
export interface TreeActions {
  canEdit: boolean
  addSecondary: (primaryId: string) => void
  editDriver: (driver: DriverRef) => void
  moveDriver: (driverId: string, toPosition: number) => void
  deleteDriver: (driver: DriverRef, secondaryCount: number) => void
  addChangeIdea: (secondaryId: string | null) => void
  editChangeIdea: (idea: ChangeIdea) => void
  deleteChangeIdea: (idea: ChangeIdea) => void
  /** Plan a cycle that tests this idea (absent when the actor may not start cycles for the goal's team). */
  startCycle?: ((idea: ChangeIdea) => void) | undefined
}
