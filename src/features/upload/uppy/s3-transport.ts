/**
 * Requests the browser sends straight to the object store with a presigned URL. XMLHttpRequest, not fetch:
 * only it reports upload progress, which the part sizer measures throughput from. These requests carry no
 * credentials of ours (the URL is the credential), so they do not go through the API client.
 */

export interface StoreRequest {
  url: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: Blob | string;
  /** Bytes of the body sent so far. */
  onProgress?: (loaded: number) => void;
  signal?: AbortSignal;
}

export interface StoreResponse {
  status: number;
  etag: string | null;
  text: string;
}

/** A request that never reached an answer (offline, reset, CORS): worth retrying. */
export class NetworkError extends Error {
  constructor(message = 'The connection to the storage was lost.') {
    super(message);
    this.name = 'NetworkError';
  }
}

export function abortError(): DOMException {
  return new DOMException('The upload was paused or cancelled.', 'AbortError');
}

export type SendToStore = (request: StoreRequest) => Promise<StoreResponse>;

export const sendToStore: SendToStore = (request) =>
  new Promise((resolve, reject) => {
    if (request.signal?.aborted) return reject(abortError());
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    if (request.onProgress) {
      const report = request.onProgress;
      xhr.upload.addEventListener('progress', (event) => report(event.loaded));
    }
    const onAbort = () => xhr.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => request.signal?.removeEventListener('abort', onAbort);
    xhr.addEventListener('load', () => {
      settle();
      resolve({ status: xhr.status, etag: xhr.getResponseHeader('ETag'), text: xhr.responseText });
    });
    xhr.addEventListener('error', () => {
      settle();
      reject(new NetworkError());
    });
    xhr.addEventListener('timeout', () => {
      settle();
      reject(new NetworkError('The storage did not answer in time.'));
    });
    xhr.addEventListener('abort', () => {
      settle();
      reject(abortError());
    });
    xhr.send(request.body ?? null);
  });

/** The text of the first `<tag>` in an S3 XML answer, unescaped. */
export function xmlValue(xml: string, tag: string): string | null {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return match ? unescapeXml(match[1] ?? '') : null;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

interface ListedPart {
  partNumber: number;
  size: number;
  etag: string;
}

interface ListedPage {
  parts: ListedPart[];
  isTruncated: boolean;
  /** Where the next page starts (the last part number on this page). */
  nextMarker: number;
}

function parseListParts(xml: string): ListedPage {
  const parts: ListedPart[] = [];
  for (const [, body = ''] of xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    parts.push({
      partNumber: Number(xmlValue(body, 'PartNumber')),
      size: Number(xmlValue(body, 'Size')),
      etag: xmlValue(body, 'ETag') ?? '',
    });
  }
  const next = Number(xmlValue(xml, 'NextPartNumberMarker'));
  return {
    parts,
    isTruncated: xmlValue(xml, 'IsTruncated') === 'true',
    nextMarker: Number.isInteger(next) && next > 0 ? next : (parts.at(-1)?.partNumber ?? 0),
  };
}

/**
 * Every part the store holds for an upload. ListParts answers at most 1,000 parts a page, and a presigned
 * URL signs its query, so each page is signed with the last page's marker. A marker that does not move on
 * (a store answering the same page again) ends the listing instead of looping.
 */
export async function listAllParts(listPage: (marker: number) => Promise<string>): Promise<ListedPart[]> {
  const parts: ListedPart[] = [];
  let marker = 0;
  for (;;) {
    const page = parseListParts(await listPage(marker));
    parts.push(...page.parts);
    if (!page.isTruncated || page.nextMarker <= marker) return parts;
    marker = page.nextMarker;
  }
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function completeBody(parts: { partNumber: number; etag: string }[]): string {
  const quoted = (etag: string) => (etag.startsWith('"') ? etag : `"${etag}"`);
  return `<CompleteMultipartUpload>${parts
    .map(
      (part) =>
        `<Part><PartNumber>${part.partNumber}</PartNumber><ETag>${escapeXml(quoted(part.etag))}</ETag></Part>`,
    )
    .join('')}</CompleteMultipartUpload>`;
}

/** S3's error code and message from an error answer, for a sentence a person can act on. */
export function storeProblem(response: StoreResponse): string {
  const code = xmlValue(response.text, 'Code');
  const message = xmlValue(response.text, 'Message');
  return `The storage refused the request (${response.status}${code ? ` ${code}` : ''})${message ? `: ${message}` : '.'}`;
}
