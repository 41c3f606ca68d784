export { UsersTable } from './UsersTable'
