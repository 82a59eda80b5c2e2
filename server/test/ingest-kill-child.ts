import { openCrashStores } from './crash-stores';

// Run by the crash test as its own process, then killed with SIGKILL somewhere inside an ingestion.
// argv: dataDir objectsDir orgId key. It prints each ingestion phase as it starts ("reading", "validating",
// "writing") and "committed" right after the DuckDB commit, where it then waits, before the file's status is
// written: the narrowest point of the window.

const [dataDir, objectsDir, orgId, key] = process.argv.slice(2) as [string, string, string, string];
const stores = openCrashStores(dataDir, objectsDir, {
  async onStored(org, file, source) {
    const result = await stores.cases.ingest(org, file.id, source, ({ phase, fraction }) => {
      if (fraction === 0) process.stdout.write(`${phase}\n`);
    });
    process.stdout.write('committed\n');
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    return result;
  },
});
process.stdout.write('ready\n');
await stores.files.complete(orgId, key);
await stores.files.idle();
process.stdout.write('done\n');
await stores.close();
