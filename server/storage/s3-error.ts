import { escapeXml } from './xml';

/** An S3 protocol error: thrown anywhere in a handler, rendered once as S3's XML error body. */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 403 | 404 | 405 | 409 | 411 | 412 | 413 | 416 | 500 | 501 | 503,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'S3Error';
  }
}

export const accessDenied = (message = 'Access Denied') => new S3Error('AccessDenied', 403, message);

export const invalidArgument = (message: string) => new S3Error('InvalidArgument', 400, message);

export const preconditionFailed = () =>
  new S3Error('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold');

export const noSuchKey = () => new S3Error('NoSuchKey', 404, 'The specified key does not exist.');

export const noSuchUpload = () =>
  new S3Error(
    'NoSuchUpload',
    404,
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
  );

export const malformedXml = () =>
  new S3Error(
    'MalformedXML',
    400,
    'The XML you provided was not well-formed or did not validate against our published schema.',
  );

export function errorXml(error: S3Error, resource: string, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error>' +
    `<Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message>` +
    `<Resource>${escapeXml(resource)}</Resource>` +
    `<RequestId>${escapeXml(requestId)}</RequestId>` +
    '</Error>'
  );
}
