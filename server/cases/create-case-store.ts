import { CatalogCache, loadCatalog } from './catalog';
import { seedDemoRows } from './demo-seed';
import { committedIngest, ingestFile, removeFileRows } from './ingest';
import { bumpDataVersion, type OrgDatabaseSettings, OrgDatabases } from './org-database';
import { computeOverview } from './overview';
import { type DataSpan, loadDataSpan, runQueryPlan } from './plan-engine';
import { runPredictionPlan } from './prediction-plan-engine';
import { resolveText } from './resolver';
import { runSimulationPlan } from './simulation-plan-engine';
import type { CaseStore } from './types';
import { runTypicalCase } from './typical-case-engine';

// The organization's case data behind one interface: ingestion, the demo generator, the catalog and resolver,
// and the engines. Choices worth knowing:
// - one DuckDB file per organization (<dataDir>/analytics/<orgId>.duckdb), opened once per process, writes queued;
// - a case_id repeated within one file: the last valid row wins (later rows read as corrections);
// - an empty file has no header, so it is reported as not case data rather than as zero rows;
// - a file DuckDB cannot parse at all throws UnreadableFileError (the file is then marked failed);
// - the data version lives in the file and rises in the same transaction as the rows, so it survives restarts.

interface CaseStoreOptions {
  dataDir: string;
  /** Today's date, `YYYY-MM-DD`; default windows end here. */
  today?: () => string;
  /** DuckDB's memory limit and the decompression limit of ingestion (defaults: 1GB, 500×). */
  settings?: OrgDatabaseSettings;
  /** The month (1–12) fiscal years start in; the semantic model's default when absent. */
  fiscalYearStartMonth?: number;
}

export function createCaseStore({
  dataDir,
  today = () => new Date().toISOString().slice(0, 10),
  settings,
  fiscalYearStartMonth,
}: CaseStoreOptions): CaseStore {
  const databases = new OrgDatabases(dataDir, settings);
  const catalogs = new CatalogCache();
  const dataListeners = new Set<(orgId: string) => void>();
  // The span (count, first and last admit date) anchors default windows; cheap, but asked on every plan.
  const spans = new CatalogCache<DataSpan>();

  async function span(orgId: string) {
    const database = await databases.get(orgId);
    return spans.get(orgId, () => loadDataSpan(database));
  }

  async function catalog(orgId: string) {
    const database = await databases.get(orgId);
    return catalogs.get(orgId, () => loadCatalog(database));
  }

  async function changed<T>(orgId: string, work: Promise<T>): Promise<T> {
    try {
      return await work;
    } finally {
      catalogs.invalidate(orgId);
      spans.invalidate(orgId);
      // The version was raised in the change's own transaction (or not at all, when it rolled back).
      await (await databases.get(orgId)).refreshDataVersion().catch(() => undefined);
      for (const listener of dataListeners) listener(orgId);
    }
  }

  return {
    async ingest(orgId, fileId, source, onProgress) {
      return changed(orgId, ingestFile(await databases.get(orgId), fileId, source, onProgress));
    },
    async committedIngest(orgId, fileId) {
      return committedIngest(await databases.get(orgId), fileId);
    },
    async removeFile(orgId, fileId) {
      return changed(orgId, removeFileRows(await databases.get(orgId), fileId));
    },
    async seedDemo(orgId, orgType, options) {
      const database = await databases.get(orgId);
      return changed(
        orgId,
        database.write((connection) => seedDemoRows(connection, orgType, options, bumpDataVersion)),
      );
    },
    async countCases(orgId) {
      const [row] = await (await databases.get(orgId)).query(
        'SELECT CAST(count(*) AS INTEGER) AS cases FROM cases',
      );
      return Number(row?.cases ?? 0);
    },
    catalog,
    async resolve(orgId, text, options = {}) {
      return resolveText(await catalog(orgId), text, options.kinds);
    },
    async typicalCase(orgId, orgType, plan, options) {
      const context = { today: today(), span: await span(orgId), fiscalYearStartMonth };
      return runTypicalCase(await databases.get(orgId), orgType, plan, context, options);
    },
    async predict(orgId, orgType, plan, options) {
      return runPredictionPlan(await databases.get(orgId), orgType, plan, await span(orgId), options);
    },
    async simulate(orgId, orgType, plan, options) {
      return runSimulationPlan(await databases.get(orgId), orgType, plan, await span(orgId), options);
    },
    async runPlan(orgId, orgType, plan, options) {
      const context = { today: today(), span: await span(orgId), fiscalYearStartMonth };
      return runQueryPlan(await databases.get(orgId), orgType, plan, context, options);
    },
    async overview(orgId, orgType, options) {
      return computeOverview(await databases.get(orgId), orgType, options);
    },
    dataSpan: span,
    async dataVersion(orgId) {
      return (await databases.get(orgId)).dataVersion;
    },
    onDataChange(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    check: () => databases.check(),
    async close() {
      // No refresh may start on a store that is closing.
      dataListeners.clear();
      await databases.closeAll();
    },
  };
}
