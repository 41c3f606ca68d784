export { CountStat } from './CountStat'
