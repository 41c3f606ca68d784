export { StageCounts } from './StageCounts'
