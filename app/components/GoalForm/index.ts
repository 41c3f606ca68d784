export { GoalFormModal } from './GoalFormModal'
export { NewGoalButton } from './NewGoalButton'
