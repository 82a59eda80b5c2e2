import type { Uppy } from '@uppy/core';
import { useUppyState } from '@uppy/react';
import { useEffect, useState } from 'react';
import { type HeaderCheck, readHeaderCheck } from '../lib/case-columns';
import type { UploadBody, UploadMeta } from '../uppy/adaptive-s3';

export interface QueuedHeaderCheck {
  fileId: string;
  name: string;
  check: HeaderCheck;
}

// Keyed by the bytes themselves, so a re-selected or restored file is read again and nothing leaks.
const checked = new WeakMap<Blob, HeaderCheck | null>();

/** Header checks for the queued .csv, .tsv and .parquet files that have not started uploading. */
export function useHeaderChecks(uppy: Uppy<UploadMeta, UploadBody>): QueuedHeaderCheck[] {
  const files = useUppyState(uppy, (state) => state.files);
  const [, setVersion] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    for (const file of Object.values(files)) {
      const data = file.data;
      if (!(data instanceof Blob) || checked.has(data)) continue;
      checked.set(data, null);
      readHeaderCheck(data, file.name ?? '').then(
        (check) => {
          checked.set(data, check);
          if (isCurrent) setVersion((version) => version + 1);
        },
        () => checked.delete(data),
      );
    }
    return () => {
      isCurrent = false;
    };
  }, [files]);

  return Object.values(files).flatMap((file) => {
    const check = file.data instanceof Blob ? checked.get(file.data) : undefined;
    if (!check || file.progress.uploadStarted) return [];
    return [{ fileId: file.id, name: file.name ?? '', check }];
  });
}
