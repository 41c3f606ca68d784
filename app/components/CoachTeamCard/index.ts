export { CoachTeamCard } from './CoachTeamCard'
