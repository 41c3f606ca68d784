export { MethodChecks } from './MethodChecks'
