import { signUpload } from '../api/sign-upload';
import { loadPlan } from './resume-plans';
import { listAllParts, sendToStore, storeProblem } from './s3-transport';

/**
 * Bytes a pending multipart upload already has in the store: from this browser's plan when it has one,
 * else from the store's list of parts (which signs a ListParts; listing is not counted as activity).
 */
export async function storedBytes(key: string, uploadId: string): Promise<number> {
  const plan = loadPlan(uploadId);
  if (plan?.some((part) => part.etag)) {
    return plan.reduce((sum, part) => sum + (part.etag ? part.end - part.start : 0), 0);
  }
  const parts = await listAllParts(async (marker) => {
    const signed = await signUpload({
      operation: 'list_parts',
      key,
      upload_id: uploadId,
      ...(marker > 0 ? { part_number_marker: marker } : {}),
    });
    const response = await sendToStore({ url: signed.url, method: 'GET', headers: signed.headers });
    if (response.status !== 200) throw new Error(storeProblem(response));
    return response.text;
  }).catch(() => []);
  return parts.reduce((sum, part) => sum + part.size, 0);
}

/** Cancels a multipart upload in the store so its parts are removed now, not at the 24-hour sweep. */
export async function abortStoredUpload(key: string, uploadId: string): Promise<void> {
  const signed = await signUpload({ operation: 'abort_multipart', key, upload_id: uploadId });
  await sendToStore({ url: signed.url, method: 'DELETE', headers: signed.headers });
}
