export { ImportWizard } from './ImportWizard'
