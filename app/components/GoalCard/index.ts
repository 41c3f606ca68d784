export { GoalCard } from './GoalCard.tsx'
