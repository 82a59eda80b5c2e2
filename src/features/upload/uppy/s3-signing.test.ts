import { describe, expect, it } from 'vitest';
import { toSignRequest } from './s3-signing';

const file = { name: 'cases.csv', type: 'text/csv', size: 10 };

describe('toSignRequest', () => {
  it('maps the two requests that start an upload to the file name', () => {
    expect(toSignRequest({ method: 'PUT', key: 'uppy-id', contentType: 'text/csv' }, file)).toEqual({
      operation: 'put_object',
      filename: 'cases.csv',
      content_type: 'text/csv',
      size: 10,
    });
    expect(toSignRequest({ method: 'POST', key: 'uppy-id' }, file).operation).toBe('create_multipart');
  });

  it('re-signs a retried single PUT for the key it already has', () => {
    expect(
      toSignRequest({ method: 'PUT', key: 'uppy-id' }, { ...file, pendingKey: 'org/fil/cases.csv' }),
    ).toEqual({
      operation: 'put_object',
      key: 'org/fil/cases.csv',
    });
  });

  it('maps multipart requests by method and part number', () => {
    const base = { key: 'org/fil/a.csv', uploadId: 'u1' };
    expect(toSignRequest({ ...base, method: 'PUT', partNumber: 3 }, undefined)).toEqual({
      operation: 'upload_part',
      key: 'org/fil/a.csv',
      upload_id: 'u1',
      part_number: 3,
    });
    expect(toSignRequest({ ...base, method: 'GET' }, undefined).operation).toBe('list_parts');
    expect(toSignRequest({ ...base, method: 'POST' }, undefined).operation).toBe('complete_multipart');
    expect(toSignRequest({ ...base, method: 'DELETE' }, undefined).operation).toBe('abort_multipart');
  });

  it('refuses a new upload for a file that left the queue', () => {
    expect(() => toSignRequest({ method: 'POST', key: 'gone' }, undefined)).toThrow(/no longer/);
  });
});
