export { NavigationProgress } from './NavigationProgress'
