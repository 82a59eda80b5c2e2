import { StoredFile } from '../../../contract/files';
import { api } from '../../../lib/api-client';

/** Tells the API the bytes are stored; it reads size and ETag from the store and starts ingestion. */
export const completeUpload = (key: string) => api.post('/upload/complete/', { key }, { schema: StoredFile });
