export { FilesTable } from './components/files-table';
export { UploadPanel } from './components/upload-panel';
