import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { axeViolations, createAccount, expect, signInAs, test } from './support/fixtures';
import { addFiles, fileRow, startUpload } from './support/uploads';

// A hospital's own export (its column names, US dates, dollar amounts, Y/N flags): mapped before upload,
// saved, proposed again for the next file like it, and ingested with the right figures.

let scratch: string;
test.beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-mapping-'));
});
test.afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const HEADER = 'Encounter ID,DOS,Disch Date,CPT,Payer,Attending Physician,Amt Billed,Readmit,Patient Age';

interface ExportRow {
  id: string;
  admit: string;
  discharge: string;
  payer: string;
  billed: string;
}

function exportFile(name: string, rows: ExportRow[]): string {
  const file = path.join(scratch, name);
  const lines = rows.map((row) =>
    [row.id, row.admit, row.discharge, '27447', row.payer, 'Dr Lee', `"${row.billed}"`, 'N', '64'].join(','),
  );
  fs.writeFileSync(file, `${HEADER}\n${lines.join('\n')}\n`);
  return file;
}

/** Independent of the server: the dollar strings as numbers, per payer, for the rows with good dates. */
function revenueByPayer(rows: ExportRow[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const row of rows) {
    if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(row.admit)) continue;
    totals[row.payer] = (totals[row.payer] ?? 0) + Number(row.billed.replace(/[$,]/g, ''));
  }
  return totals;
}

test('a non-standard export is mapped, saved, proposed again and ingested with correct figures', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const account = createAccount('hospital');
  await signInAs(page, account.email, account.password, '/upload');
  await page.goto('/upload');

  const first: ExportRow[] = [
    { id: 'M-1', admit: '03/05/2024', discharge: '03/07/2024', payer: 'Aetna', billed: '$1,234.50' },
    { id: 'M-2', admit: '3/6/2024', discharge: '3/9/2024', payer: 'Cigna', billed: '$12,000.00' },
    { id: 'M-3', admit: '04/01/2024', discharge: '04/02/2024', payer: 'Aetna', billed: '$99.99' },
    { id: 'M-4', admit: '2024-04-03', discharge: '04/05/2024', payer: 'Aetna', billed: '$50.00' },
  ];
  const firstFile = exportFile('mercy-march.csv', first);
  await addFiles(page, firstFile);

  const form = page.getByRole('form', { name: 'Map the columns of mercy-march.csv' });
  await expect(form).toBeVisible();
  // Proposed from names and synonyms, with formats read from the samples.
  await expect(form.getByLabel('case_id', { exact: true })).toHaveValue('Encounter ID');
  await expect(form.getByLabel('admit_date', { exact: true })).toHaveValue('DOS');
  await expect(form.getByLabel('How admit_date is written')).toHaveValue('MM/DD/YYYY');
  await expect(form.getByLabel('payor', { exact: true })).toHaveValue('Payer');
  await expect(form.getByLabel('surgeon', { exact: true })).toHaveValue('Attending Physician');
  await expect(form.getByLabel('age', { exact: true })).toHaveValue('Patient Age');
  await expect(form.getByRole('row', { name: /admit_date/ })).toContainText('03/05/2024');
  expect(await axeViolations(page)).toEqual([]);

  // "Amt Billed" is not a known name: the analyst maps it with the keyboard.
  const revenue = form.getByLabel('revenue', { exact: true });
  await revenue.focus();
  await revenue.selectOption('Amt Billed');
  await expect(form.getByLabel('How revenue is written')).toBeVisible();
  await form.getByLabel('How revenue is written').selectOption('currency');
  await form.getByLabel('How readmitted_30 is written').selectOption('yes_no');
  await form.getByLabel('Save as').fill('Mercy monthly export');
  await form.getByRole('button', { name: 'Save mapping and use it' }).click();
  await expect(page.getByText('Uses the column mapping Mercy monthly export')).toBeVisible();

  await startUpload(page);
  const row = fileRow(page, 'mercy-march.csv');
  await expect(row.getByText('In case data', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText('3 rows added, 1 rejected')).toBeVisible();

  // The rejected rows come back as the original rows plus the reason, ready to fix.
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Download the rejected rows of mercy-march.csv' }).click();
  const saved = await (await download).path();
  expect((await download).suggestedFilename()).toBe('mercy-march-rejected-rows.csv');
  expect(fs.readFileSync(saved, 'utf8').trim().split('\n')).toEqual([
    `${HEADER},rejection_reason`,
    'M-4,2024-04-03,04/05/2024,27447,Aetna,Dr Lee,$50.00,N,64,"admit_date must be a date MM/DD/YYYY (got ""2024-04-03"")"',
  ]);

  // The same header next time: the saved mapping is proposed and used as it is.
  await page.reload();
  const second: ExportRow[] = [
    { id: 'M-5', admit: '05/01/2024', discharge: '05/03/2024', payer: 'Cigna', billed: '$2,500.25' },
  ];
  await addFiles(page, exportFile('mercy-may.csv', second));
  await expect(page.getByText('Uses the column mapping Mercy monthly export')).toBeVisible();
  await startUpload(page);
  await expect(fileRow(page, 'mercy-may.csv').getByText('1 row added')).toBeVisible({ timeout: 30_000 });

  // The figures, asked of the analysis API, match the sums computed here from the files themselves.
  const login = await page.request.post('/api/v1/auth/login/', {
    data: { email: account.email, password: account.password },
  });
  const token = ((await login.json()) as { access_token: string }).access_token;
  const answer = await page.request.post('/api/v1/agent/query/', {
    headers: { Authorization: `Bearer ${token}` },
    data: { question: 'total revenue by payor in 2024' },
  });
  expect(answer.status()).toBe(200);
  const message = (
    (await answer.json()) as { message: { blocks: { type: string; rows?: Record<string, unknown>[] }[] } }
  ).message;
  const rows = message.blocks.find((block) => block.type === 'table')?.rows ?? [];
  const expected = revenueByPayer([...first, ...second]);
  expect(expected).toEqual({ Aetna: 1334.49, Cigna: 14500.25 });
  for (const [payer, total] of Object.entries(expected)) {
    const found = rows.find((candidate) => Object.values(candidate).includes(payer));
    expect(found, `a row for ${payer} in ${JSON.stringify(message).slice(0, 3000)}`).toBeDefined();
    const figures = Object.values(found ?? {}).filter((value): value is number => typeof value === 'number');
    expect(
      figures.some((value) => Math.abs(value - total) < 0.01),
      `${payer}: ${JSON.stringify(found)}`,
    ).toBe(true);
  }
});

/** A Parquet export as a data warehouse writes one: its own names, typed dates, timestamps and amounts. */
async function parquetExport(name: string): Promise<string> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const file = path.join(scratch, name);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT * FROM (VALUES
      ('PQ-1', DATE '2024-06-03', TIMESTAMP '2024-06-05 11:20:00', 'Humana', 2100.25, true),
      ('PQ-2', DATE '2024-06-04', TIMESTAMP '2024-06-04 18:00:00', 'Humana', 899.75, false),
      ('PQ-3', DATE '2024-06-09', TIMESTAMP '2024-06-08 08:00:00', 'Humana', 5000.0, false)
    ) AS t(visit_number, service_date, discharge_dt, payer, total_charges, readmitted))
    TO '${file}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
  return file;
}

test('a Parquet export with its own column names is mapped from its footer and ingested', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const account = createAccount('hospital');
  await signInAs(page, account.email, account.password, '/upload');
  await page.goto('/upload');
  await addFiles(page, await parquetExport('warehouse-june.parquet'));

  const form = page.getByRole('form', { name: 'Map the columns of warehouse-june.parquet' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('case_id', { exact: true })).toHaveValue('visit_number');
  await expect(form.getByLabel('admit_date', { exact: true })).toHaveValue('service_date');
  await expect(form.getByLabel('How admit_date is written')).toHaveValue('YYYY-MM-DD');
  await expect(form.getByLabel('discharge_date', { exact: true })).toHaveValue('discharge_dt');
  await expect(form.getByLabel('revenue', { exact: true })).toHaveValue('total_charges');
  await expect(form.getByLabel('readmitted_30', { exact: true })).toHaveValue('readmitted');
  // Sample values come from the file's first rows, dates as ingestion reads them.
  await expect(form.getByRole('row', { name: /discharge_date/ })).toContainText('2024-06-05');
  await expect(form.getByRole('row', { name: /^revenue/ })).toContainText('2100.25');
  await form.getByLabel('Save as').fill('Warehouse Parquet');
  await form.getByRole('button', { name: 'Save mapping and use it' }).click();
  await expect(page.getByText('Uses the column mapping Warehouse Parquet')).toBeVisible();

  await startUpload(page);
  const row = fileRow(page, 'warehouse-june.parquet');
  await expect(row.getByText('In case data', { exact: true })).toBeVisible({ timeout: 30_000 });
  // PQ-3 was discharged before it was admitted.
  await expect(row.getByText('2 rows added, 1 rejected')).toBeVisible();
});
