export { ChangeIdeaFormModal, type ChangeIdeaValues, type DriverGroups } from './ChangeIdeaFormModal'
