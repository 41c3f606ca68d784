export { ActSection } from './ActSection'
export { DoSection } from './DoSection'
export { PlanSection } from './PlanSection'
export { StudySection } from './StudySection'
