import { SignedRequest, type SignRequest } from '../../../contract/upload';
import { api } from '../../../lib/api-client';

/** Presigns one S3 request; called by Uppy right before it sends that request to the store. */
export const signUpload = (body: SignRequest) => api.post('/upload/sign/', body, { schema: SignedRequest });
