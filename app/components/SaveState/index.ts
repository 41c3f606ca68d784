export { AutosaveStatus } from './AutosaveStatus'
export { SaveState } from './SaveState'
