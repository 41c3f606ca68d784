export { SchoolsAdmin } from './SchoolsAdmin'
