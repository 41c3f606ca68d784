export { Group, Stack } from './Layout'
