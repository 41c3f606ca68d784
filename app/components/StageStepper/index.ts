export { StageStepper } from './StageStepper'
export { TransitionPanel } from './TransitionPanel'
