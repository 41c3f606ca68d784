export { CycleBoard } from './CycleBoard'
