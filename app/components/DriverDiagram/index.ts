export { ChangeIdeaRamp } from './ChangeIdeaRamp'
export { DriverDiagram } from './DriverDiagram'
