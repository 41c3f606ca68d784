export { TasksEditor } from './TasksEditor'
