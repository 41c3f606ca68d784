export { StudentGroupsAdmin } from './StudentGroupsAdmin'
