export { ImportHistory } from './ImportHistory'
