export { AnalysisPage, type AnswerActionsProps } from './components/analysis-page';
