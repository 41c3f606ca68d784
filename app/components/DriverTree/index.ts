export { DriverTree } from './DriverTree'
