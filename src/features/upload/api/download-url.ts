import { useMutation } from '@tanstack/react-query';
import { DownloadUrl } from '../../../contract/files';
import { api } from '../../../lib/api-client';

const downloadUrl = (id: string) =>
  api.get(`/files/${encodeURIComponent(id)}/download-url/`, { schema: DownloadUrl });

/** A fresh presigned URL per click: they are short-lived, so none is cached. */
export function useDownloadFile(open: (url: string) => void) {
  return useMutation({ mutationFn: downloadUrl, onSuccess: (result) => open(result.url) });
}

const rejectedRowsUrl = (id: string) =>
  api.get(`/files/${encodeURIComponent(id)}/rejected-rows/`, { schema: DownloadUrl });

/** The rejected rows as a CSV (original rows plus a reason column), through a fresh presigned URL. */
export function useDownloadRejectedRows(open: (url: string) => void) {
  return useMutation({ mutationFn: rejectedRowsUrl, onSuccess: (result) => open(result.url) });
}
