export { CycleHeader } from './CycleHeader'
