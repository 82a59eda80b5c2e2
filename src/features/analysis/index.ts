export { AnalysisPage } from './components/analysis-page';
