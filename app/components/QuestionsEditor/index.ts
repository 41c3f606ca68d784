export { QuestionResults } from './QuestionResults'
export { QuestionsEditor } from './QuestionsEditor'
