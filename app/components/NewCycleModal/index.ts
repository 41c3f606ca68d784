export type { CycleFormOptions, CycleView } from './cycle-form-values'
export { EditCycleDetailsModal } from './EditCycleDetailsModal'
export { NewCycleButton } from './NewCycleButton'
export { NewCycleModal } from './NewCycleModal'
