export { GoalSummary } from './GoalSummary'
