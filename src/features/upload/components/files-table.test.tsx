import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredFile } from '../../../contract/files';
import { FilesTable } from './files-table';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const ingested: StoredFile = {
  id: 'fil_1',
  key: 'org_1/fil_1/cases.csv',
  filename: 'cases.csv',
  size: 2048,
  content_type: 'text/csv',
  status: 'ingested',
  created_at: '2026-11-28T12:00:00Z',
  uploaded_at: '2026-11-28T12:00:05Z',
  uploaded_by: 'Mercy Analyst <analyst@mercy.example>',
  etag: '"abc"',
  ingest: { rows: 1200, rejected_rows: 2, errors: [{ row: 7, column: 'age', message: 'must be 0–120' }] },
  mapping_id: null,
  missing_columns: null,
  has_rejected_rows_file: true,
  upload_id: null,
  source_last_modified: null,
  last_activity_at: null,
  interrupted: false,
};

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderTable() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <FilesTable />
    </QueryClientProvider>,
  );
}

describe('FilesTable', () => {
  it('shows each file with its status, uploader and ingest result', async () => {
    fetchMock.mockResolvedValue(json({ results: [ingested], next_cursor: null }));
    renderTable();
    const row = (await screen.findByRole('rowheader', { name: 'cases.csv' })).closest('tr')!;
    expect(within(row).getByText('In case data')).toBeVisible();
    expect(within(row).getByText('2.0 KB')).toBeVisible();
    expect(within(row).getByText('Mercy Analyst')).toHaveAttribute(
      'title',
      'Mercy Analyst <analyst@mercy.example>',
    );
    expect(within(row).getByText('1,200 rows added, 2 rejected')).toBeVisible();
    expect(within(row).getByText('Row 7, age: must be 0–120')).toBeInTheDocument();
    expect(within(row).getByText('Showing the first 1 of 2.')).toBeInTheDocument();
  });

  it('says what a non-case file lacks, offers the rejected rows, and shows an idle upload as interrupted', async () => {
    const notCaseData: StoredFile = {
      ...ingested,
      id: 'fil_2',
      filename: 'notes.csv',
      status: 'uploaded',
      ingest: null,
      has_rejected_rows_file: false,
      missing_columns: ['case_id', 'admit_date'],
    };
    const interrupted: StoredFile = {
      ...ingested,
      id: 'fil_3',
      filename: 'big.zip',
      status: 'pending',
      uploaded_at: null,
      ingest: null,
      has_rejected_rows_file: false,
      upload_id: 'u1',
      interrupted: true,
    };
    fetchMock.mockResolvedValue(json({ results: [ingested, notCaseData, interrupted], next_cursor: null }));
    renderTable();
    const rowOf = async (name: string) => (await screen.findByRole('rowheader', { name })).closest('tr')!;
    expect(
      within(await rowOf('cases.csv')).getByRole('button', {
        name: 'Download the rejected rows of cases.csv',
      }),
    ).toBeVisible();
    const notes = await rowOf('notes.csv');
    expect(within(notes).getByText('Uploaded (not case data)')).toBeVisible();
    expect(within(notes).getByText(/missing case_id, admit_date/)).toBeVisible();
    const big = await rowOf('big.zip');
    expect(within(big).getByText('Interrupted')).toBeVisible();
    expect(within(big).getByRole('link', { name: 'Resume big.zip' })).toHaveAttribute(
      'href',
      '#pending-fil_3',
    );
    expect(within(big).getByRole('button', { name: 'Remove big.zip' })).toBeVisible();
  });

  it('deletes only after confirmation', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(json({ results: [ingested], next_cursor: null }));
    renderTable();
    await user.click(await screen.findByRole('button', { name: 'Delete cases.csv' }));
    const confirm = screen.getByRole('group', { name: 'Delete cases.csv and its case rows?' });
    expect(fetchMock.mock.calls.every(([, init]) => init.method === 'GET')).toBe(true);

    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fetchMock.mockResolvedValue(json({ results: [], next_cursor: null }));
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/No files yet/)).toBeVisible();
    const deleted = fetchMock.mock.calls.find(([, init]) => init.method === 'DELETE');
    expect(String(deleted?.[0])).toMatch(/\/api\/v1\/files\/fil_1\/$/);
  });

  it('keeps the file when the person changes their mind', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(json({ results: [ingested], next_cursor: null }));
    renderTable();
    await user.click(await screen.findByRole('button', { name: 'Delete cases.csv' }));
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.getByRole('button', { name: 'Download cases.csv' })).toBeVisible();
  });

  it('loads older files a page at a time', async () => {
    const user = userEvent.setup();
    const older = { ...ingested, id: 'fil_0', filename: 'older.csv' };
    fetchMock.mockImplementation(async (url: string) =>
      url.includes('cursor=next1')
        ? json({ results: [older], next_cursor: null })
        : json({ results: [ingested], next_cursor: 'next1' }),
    );
    renderTable();
    expect(await screen.findByRole('rowheader', { name: 'cases.csv' })).toBeVisible();
    expect(screen.queryByRole('rowheader', { name: 'older.csv' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show older files' }));
    expect(await screen.findByRole('rowheader', { name: 'older.csv' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Show older files' })).toBeNull();
  });
});
