export { VersionHistory } from './VersionHistory'
