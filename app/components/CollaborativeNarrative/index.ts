export { CollaborationStatus } from './CollaborationStatus'
export { CollaborativeNarrative, type CollaborativeNarrativeProps } from './CollaborativeNarrative'
