import { describe, expect, it, vi } from 'vitest';
import type { SignedRequest, SignRequest } from '../../../contract/upload';
import { type MultipartState, MultipartUpload, type PlannedPart } from './multipart-upload';
import { MAX_CONCURRENCY, MAX_PART, MIN_CONCURRENCY, MIN_PART, MiB, nextPartSize } from './part-size';
import { NetworkError, type StoreRequest } from './s3-transport';

/** An in-memory store speaking just enough S3 for one multipart upload. */
function fakeStore(options: { failFirstPut?: number; pageSize?: number } = {}) {
  const parts = new Map<number, { size: number; etag: string; body: Blob }>();
  let failures = options.failFirstPut ?? 0;
  let completed: Blob | null = null;
  /** The marker of every ListParts page signed, in order. */
  const listedMarkers: number[] = [];
  const pageSize = options.pageSize ?? 1000;
  const sign = async (body: SignRequest): Promise<SignedRequest> => ({
    url:
      body.operation === 'list_parts'
        ? `fake://list_parts/?marker=${body.part_number_marker ?? 0}`
        : `fake://${body.operation}/${body.part_number ?? ''}`,
    method: 'PUT',
    headers: {},
    key: 'org/fil/cases.csv',
    file_id: 'fil',
    expires_at: '',
  });
  const send = async (request: StoreRequest) => {
    const [operation, partNumber] = request.url.replace('fake://', '').split('/');
    if (request.signal?.aborted) throw new DOMException('paused', 'AbortError');
    if (operation === 'create_multipart')
      return { status: 200, etag: null, text: '<R><UploadId>u1</UploadId></R>' };
    if (operation === 'list_parts') {
      // S3's paging: at most pageSize parts after the marker, and where the next page starts.
      const marker = Number(/marker=(\d+)/.exec(request.url)?.[1] ?? 0);
      listedMarkers.push(marker);
      const after = [...parts.entries()].sort(([a], [b]) => a - b).filter(([n]) => n > marker);
      const page = after.slice(0, pageSize);
      const xml = page
        .map(
          ([n, p]) =>
            `<Part><PartNumber>${n}</PartNumber><Size>${p.size}</Size><ETag>"${p.etag}"</ETag></Part>`,
        )
        .join('');
      const next = page.at(-1)?.[0] ?? marker;
      const truncated = after.length > page.length;
      return {
        status: 200,
        etag: null,
        text: `<R><NextPartNumberMarker>${next}</NextPartNumberMarker>${xml}<IsTruncated>${truncated}</IsTruncated></R>`,
      };
    }
    if (operation === 'upload_part') {
      if (failures > 0) {
        failures -= 1;
        throw new NetworkError();
      }
      const body = request.body as Blob;
      request.onProgress?.(body.size);
      const etag = `e${partNumber}-${body.size}`;
      parts.set(Number(partNumber), { size: body.size, etag, body });
      return { status: 200, etag: `"${etag}"`, text: '' };
    }
    const xml = String(request.body);
    const numbers = [...xml.matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((m) => Number(m[1]));
    completed = new Blob(numbers.map((n) => parts.get(n)!.body));
    return { status: 200, etag: null, text: '<R><Location>x</Location><Key>org/fil/cases.csv</Key></R>' };
  };
  return { sign, send, parts, listedMarkers, completed: () => completed };
}

const fileOf = (size: number) => {
  const bytes = new Uint8Array(size);
  for (let index = 0; index < size; index += 4096) bytes[index] = (index / 4096) % 251;
  return new Blob([bytes]);
};

const sameBytes = async (left: Blob, right: Blob) =>
  Buffer.from(await left.arrayBuffer()).equals(Buffer.from(await right.arrayBuffer()));

const describeFile = (file: Blob) => ({ filename: 'cases.csv', size: file.size });
const noWait = async () => {};

describe('nextPartSize', () => {
  const room = { remaining: 10_000 * MiB, partsLeft: 9000 };
  it('starts at S3 minimum and steers each part toward 1 s on the wire, by at most ×2 a step', () => {
    expect(nextPartSize({ ...room, last: null })).toBe(MIN_PART);
    // 16 MB/s per part: a 5 MiB part took 0.33 s, so the next one doubles; 12 MiB in 1 s stays.
    expect(nextPartSize({ ...room, last: { bytes: MIN_PART, seconds: 0.33 } })).toBe(10 * MiB);
    expect(nextPartSize({ ...room, last: { bytes: 12 * MiB, seconds: 1 } })).toBe(12 * MiB);
    // Fast link: doubling per part, then the cap.
    expect(nextPartSize({ ...room, last: { bytes: 40 * MiB, seconds: 0.1 } })).toBe(MAX_PART);
    // The link slowed: a 40 MiB part that took 4 s halves; never below S3's minimum.
    expect(nextPartSize({ ...room, last: { bytes: 40 * MiB, seconds: 4 } })).toBe(20 * MiB);
    expect(nextPartSize({ ...room, last: { bytes: MIN_PART, seconds: 50 } })).toBe(MIN_PART);
  });

  it('keeps within 10,000 parts and never leaves a tail below 5 MiB', () => {
    const last = { bytes: MIN_PART, seconds: 1 };
    expect(nextPartSize({ last, remaining: 100_000 * MiB, partsLeft: 1000 })).toBe(100 * MiB);
    expect(nextPartSize({ last, remaining: 9 * MiB, partsLeft: 50 })).toBe(9 * MiB);
  });
});

describe('MultipartUpload', { timeout: 20_000 }, () => {
  it('uploads parts in file order, the store assembling exactly the file', async () => {
    const store = fakeStore();
    const file = fileOf(23 * MiB + 17);
    const upload = new MultipartUpload({
      file,
      describe: describeFile(file),
      sign: store.sign,
      send: store.send,
    });
    expect(await upload.run(new AbortController().signal)).toEqual({
      key: 'org/fil/cases.csv',
      location: 'x',
    });
    expect(await sameBytes(store.completed()!, file)).toBe(true);
    for (const [, part] of [...store.parts].slice(0, -1)) expect(part.size).toBeGreaterThanOrEqual(MIN_PART);
  });

  it('retries a part whose connection dropped, without failing the file', async () => {
    const store = fakeStore({ failFirstPut: 2 });
    const file = fileOf(12 * MiB);
    const upload = new MultipartUpload({
      file,
      describe: describeFile(file),
      sign: store.sign,
      send: store.send,
      wait: noWait,
    });
    await upload.run(new AbortController().signal);
    expect(await sameBytes(store.completed()!, file)).toBe(true);
  });

  it('continues after a reload from its saved plan without sending a stored part again', async () => {
    const store = fakeStore();
    const file = fileOf(30 * MiB);
    let saved: MultipartState | null = null;
    const pause = new AbortController();
    const first = new MultipartUpload({
      file,
      describe: describeFile(file),
      sign: store.sign,
      send: async (request) => {
        // The third part never arrives: the page is closed while it is in flight.
        if (request.url.endsWith('/3')) {
          pause.abort();
          throw new DOMException('closed', 'AbortError');
        }
        return store.send(request);
      },
      onState: (state) => {
        saved = structuredClone(state);
      },
    });
    await expect(first.run(pause.signal)).rejects.toThrow();
    const stored = new Set(store.parts.keys());
    expect(stored.size).toBeGreaterThan(0);

    const state = saved as MultipartState | null;
    if (!state) throw new Error('no state saved');
    const second = new MultipartUpload({
      file,
      describe: describeFile(file),
      sign: store.sign,
      send: store.send,
      resume: { key: state.key, uploadId: state.uploadId, parts: state.parts },
    });
    await second.run(new AbortController().signal);
    expect(second.sentParts.filter((n) => stored.has(n))).toEqual([]);
    expect(await sameBytes(store.completed()!, file)).toBe(true);
  });

  it('continues from the store alone (another browser), keeping the parts up to the first gap', async () => {
    const store = fakeStore();
    const file = fileOf(20 * MiB);
    const plan: PlannedPart[] = [
      { partNumber: 1, start: 0, end: 5 * MiB },
      { partNumber: 2, start: 5 * MiB, end: 11 * MiB },
    ];
    // Parts 1 and 3 are stored; part 2 was lost, so part 3's place in the file is unknown.
    for (const part of [plan[0]!, { partNumber: 3, start: 11 * MiB, end: 16 * MiB }]) {
      await store.send({
        url: `fake://upload_part/${part.partNumber}`,
        method: 'PUT',
        headers: {},
        body: file.slice(part.start, part.end),
      });
    }
    const upload = new MultipartUpload({
      file,
      describe: describeFile(file),
      sign: store.sign,
      send: store.send,
      resume: { key: 'org/fil/cases.csv', uploadId: 'u1' },
    });
    await upload.run(new AbortController().signal);
    expect(upload.sentParts).not.toContain(1);
    expect(Math.min(...upload.sentParts)).toBe(4);
    expect(await sameBytes(store.completed()!, file)).toBe(true);
  });

  it('reads every page of ListParts on resume, so parts past the first page are not sent again', async () => {
    const store = fakeStore({ pageSize: 2 });
    const file = fileOf(40 * MiB);
    const plan: PlannedPart[] = Array.from({ length: 8 }, (_, index) => ({
      partNumber: index + 1,
      start: index * 5 * MiB,
      end: (index + 1) * 5 * MiB,
    }));
    // The page was closed after seven of eight parts were stored; its saved plan has no ETags yet.
    for (const part of plan.slice(0, 7)) {
      await store.send({
        url: `fake://upload_part/${part.partNumber}`,
        method: 'PUT',
        headers: {},
        body: file.slice(part.start, part.end),
      });
    }
    const upload = new MultipartUpload({
      file,
      describe: describeFile(file),
      sign: store.sign,
      send: store.send,
      resume: { key: 'org/fil/cases.csv', uploadId: 'u1', parts: plan },
    });
    await upload.run(new AbortController().signal);
    expect(store.listedMarkers).toEqual([0, 2, 4, 6]);
    expect(upload.sentParts).toEqual([8]);
    expect(await sameBytes(store.completed()!, file)).toBe(true);
  });

  it('continues from several pages of the store alone (no saved plan) after the last listed part', async () => {
    const store = fakeStore({ pageSize: 2 });
    const file = fileOf(30 * MiB);
    for (let number = 1; number <= 5; number += 1) {
      await store.send({
        url: `fake://upload_part/${number}`,
        method: 'PUT',
        headers: {},
        body: file.slice((number - 1) * 5 * MiB, number * 5 * MiB),
      });
    }
    const upload = new MultipartUpload({
      file,
      describe: describeFile(file),
      sign: store.sign,
      send: store.send,
      resume: { key: 'org/fil/cases.csv', uploadId: 'u1' },
    });
    await upload.run(new AbortController().signal);
    expect(store.listedMarkers).toEqual([0, 2, 4]);
    expect(upload.sentParts).toEqual([6]);
    expect(await sameBytes(store.completed()!, file)).toBe(true);
  });

  it('never sends again a part the store completed after the plan was last saved (reload race)', async () => {
    const store = fakeStore();
    const file = fileOf(30 * MiB);
    const ranges = [
      [0, 5 * MiB],
      [5 * MiB, 10 * MiB],
      [10 * MiB, 20 * MiB],
      [20 * MiB, 25 * MiB],
    ] as const;
    // Parts 1–4 are stored; the page planned parts 3 and 4 after its last save and was reloaded as the store
    // took them, so the saved plan knows parts 1 and 2 only. Parts follow file order, so each of 3 and 4
    // starts where the one before ends: the store's sizes place them.
    for (const [index, [start, end]] of ranges.entries()) {
      await store.send({
        url: `fake://upload_part/${index + 1}`,
        method: 'PUT',
        headers: {},
        body: file.slice(start, end),
      });
    }
    const plan: PlannedPart[] = ranges.slice(0, 2).map(([start, end], index) => ({
      partNumber: index + 1,
      start,
      end,
      etag: `e${index + 1}-${end - start}`,
    }));
    const upload = new MultipartUpload({
      file,
      describe: describeFile(file),
      sign: store.sign,
      send: store.send,
      resume: { key: 'org/fil/cases.csv', uploadId: 'u1', parts: plan },
    });
    await upload.run(new AbortController().signal);
    expect(upload.sentParts).toEqual([5]);
    expect(await sameBytes(store.completed()!, file)).toBe(true);
  });

  it('numbers new parts past a stored part whose place in the file is unknown, and leaves it out', async () => {
    const store = fakeStore();
    const file = fileOf(20 * MiB);
    // Part 2 was lost; part 3 was stored, but without part 2's size its offset is unknown.
    await store.send({
      url: 'fake://upload_part/1',
      method: 'PUT',
      headers: {},
      body: file.slice(0, 5 * MiB),
    });
    await store.send({
      url: 'fake://upload_part/3',
      method: 'PUT',
      headers: {},
      body: file.slice(0, 7 * MiB),
    });
    const upload = new MultipartUpload({
      file,
      describe: describeFile(file),
      sign: store.sign,
      send: store.send,
      resume: {
        key: 'org/fil/cases.csv',
        uploadId: 'u1',
        parts: [{ partNumber: 1, start: 0, end: 5 * MiB, etag: `e1-${5 * MiB}` }],
      },
    });
    await upload.run(new AbortController().signal);
    expect(upload.sentParts).not.toContain(3);
    expect(Math.min(...upload.sentParts)).toBe(4);
    expect(await sameBytes(store.completed()!, file)).toBe(true);
  });

  it('keeps stored parts across a pause and resumes with the rest', async () => {
    const store = fakeStore();
    const file = fileOf(40 * MiB);
    const pause = new AbortController();
    let puts = 0;
    const upload = new MultipartUpload({
      file,
      describe: describeFile(file),
      sign: store.sign,
      send: async (request) => {
        if (request.url.includes('upload_part') && ++puts === 3) pause.abort();
        return store.send(request);
      },
    });
    await expect(upload.run(pause.signal)).rejects.toThrow(/paused/);
    const before = store.parts.size;
    await upload.run(new AbortController().signal);
    const repeats = upload.sentParts.filter((n, index) => upload.sentParts.indexOf(n) !== index);
    expect(before).toBeGreaterThan(0);
    expect(repeats.every((n) => !store.parts.has(n) || n > before)).toBe(true);
    expect(await sameBytes(store.completed()!, file)).toBe(true);
  });

  it('sends a third and fourth part at once when it decides more connections pay off', async () => {
    // A link with plenty of bandwidth where every answer takes a second (high latency): one connection
    // cannot fill it, each one added raises throughput, so the uploader should add up to four and use them.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    try {
      const size = 2 * 1024 * MiB;
      // Only size and slice are read; a real 2 GiB Blob is not needed to test scheduling.
      const file = {
        size,
        slice: (start: number, end: number) => ({ size: end - start }),
      } as unknown as Blob;
      const store = fakeStore();
      let inFlight = 0;
      let mostInFlight = 0;
      let mostDecided = 0;
      const upload: MultipartUpload = new MultipartUpload({
        file,
        describe: { filename: 'big.csv', size },
        sign: store.sign,
        send: async (request) => {
          const [operation, partNumber] = request.url.replace('fake://', '').split('/');
          if (operation !== 'upload_part') {
            if (operation === 'complete_multipart')
              return { status: 200, etag: null, text: '<R><Location>x</Location></R>' };
            return store.send(request);
          }
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          mostDecided = Math.max(mostDecided, upload.currentConcurrency);
          // The bytes leave in a tenth of a second; the answer comes a second after the request started.
          await new Promise((resolve) => setTimeout(resolve, 100));
          request.onProgress?.((request.body as Blob).size);
          await new Promise((resolve) => setTimeout(resolve, 900));
          inFlight -= 1;
          return { status: 200, etag: `"e${partNumber}"`, text: '' };
        },
      });
      let settled = false;
      const done = upload.run(new AbortController().signal).finally(() => {
        settled = true;
      });
      for (let ms = 0; !settled && ms < 600_000; ms += 100) await vi.advanceTimersByTimeAsync(100);
      await done;
      expect(mostDecided).toBe(MAX_CONCURRENCY);
      // The decision is carried out: as many parts really in flight as it decided, not MIN_CONCURRENCY.
      expect(mostInFlight).toBeGreaterThan(MIN_CONCURRENCY);
      expect(mostInFlight).toBe(mostDecided);
    } finally {
      vi.useRealTimers();
    }
  });
});
