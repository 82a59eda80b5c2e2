import { type APIRequestContext, expect } from '@playwright/test';

// Case data put in place through the public API beside the page (the request context shares its cookies), for
// tests about what the analysis does with data, not about the upload page.

/** An access token from the page's refresh cookie. */
export async function accessToken(request: APIRequestContext, origin: string) {
  const response = await request.post('/api/v1/auth/refresh/', { headers: { Origin: origin } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface KneeCase {
  surgeon: string;
  cost: number;
  revenue: number;
  hospital_revenue: number;
}

const HEADER =
  'case_id,admit_date,discharge_date,procedure_code,procedure_name,surgeon,payor,cost,revenue,hospital_revenue';
const field = (value: string | number) =>
  typeof value === 'string' && /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : String(value);

/** `count` Aetna knee replacements admitted 2026-10-01; each row's surgeon and money come from `row(index)`. */
export function kneeCasesCsv(count: number, row: (index: number) => KneeCase): string {
  const lines = Array.from({ length: count }, (_, index) => {
    const { surgeon, cost, revenue, hospital_revenue } = row(index);
    return [`c${index}`, '2026-10-01', '2026-10-03', '27447', 'Total knee arthroplasty', surgeon, 'Aetna']
      .concat([cost, revenue, hospital_revenue].map(String))
      .map(field)
      .join(',');
  });
  return [HEADER, ...lines].join('\n');
}

/** Uploads a CSV of cases through a presigned URL and waits until it is ingested. */
export async function uploadCases(request: APIRequestContext, token: string, csv: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const presigned = await (
    await request.post('/api/v1/upload/presigned-url/', {
      headers,
      data: { filename: 'cases.csv', content_type: 'text/csv' },
    })
  ).json();
  expect((await request.put(presigned.url, { headers: presigned.headers, data: csv })).ok()).toBe(true);
  await request.post('/api/v1/upload/complete/', { headers, data: { key: presigned.key } });
  await expect
    .poll(
      async () =>
        (await (await request.get(`/api/v1/files/${presigned.file_id}/`, { headers })).json()).status,
      {
        timeout: 30_000,
      },
    )
    .toBe('ingested');
}
