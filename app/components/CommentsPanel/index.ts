export { CommentsPanel } from './CommentsPanel'
