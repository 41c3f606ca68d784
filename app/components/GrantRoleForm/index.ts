export { GrantRoleForm, ROLE_DESCRIPTIONS } from './GrantRoleForm'
