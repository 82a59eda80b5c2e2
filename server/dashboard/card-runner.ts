import { setMaxListeners } from 'node:events';
import os from 'node:os';
import { CARD_ROWS_MAX, type CardResult, type Pin } from '../../src/contract/dashboard';
import { AnalysisPlan, type QueryPlan, type Workflow } from '../../src/contract/query-plan';
import { hospitalOnlyReason, measureAllowed, normalizeAggregation } from '../cases/semantic-model';
import {
  type CaseOverview,
  type CaseStore,
  EngineRefusal,
  type EngineResult,
  type OrgType,
} from '../cases/types';
import { issueText } from '../http/issue-text';
import type { Log } from '../lib/log';
import { createOrgLanes, type LaneTask, type OrgLanes, WorkCancelled } from './org-lanes';

// Runs pinned cards and the overview: checks each stored plan against the current model, runs it with a deadline,
// and keeps the figures per organization and data version, so a new ingestion or a file delete refreshes every
// card and nothing else does. A relative window ("last quarter") also keys on today, so the card moves with the
// calendar. The work of one organization shares a few lanes (org-lanes.ts): what a person waits for goes first,
// their first card before the rest, and a background refresh only uses what they leave.

/** Workflows whose plans a card can run again; a name lookup is no figure to keep current, so it is refused. */
const PINNABLE_WORKFLOWS: readonly Workflow[] = ['analytics', 'dashboard', 'predictions', 'simulation'];

const CARD_DEADLINE_MS = 10_000;
/**
 * Queries of one organization's dashboard computed at the same time: as many as there are cores (at least two,
 * at most four). Measured at 1,000,000 cases on two cores: one or two at a time finish twelve cards in the same
 * time as twelve at once, but the first arrives in one query's time instead of with the last.
 */
export const CARD_CONCURRENCY = Math.max(2, Math.min(4, os.availableParallelism()));
/**
 * Lower runs first: a card's priority is its place on the page. The overview (two scans, the heaviest job of the
 * page) starts once the first two cards have, so it never slows the first card down.
 */
const OVERVIEW_PRIORITY = 1.5;
/** Background refreshes (after new data, at start-up) come after anything a person is waiting for. */
const WARM_PRIORITY = 1_000_000;
const CACHE_ENTRIES = 1000;

type Figures = Omit<Extract<CardResult, { status: 'ok' }>, 'pin_id'>;
type Outcome = { status: 'ok'; figures: Figures } | { status: 'invalid' | 'failed'; message: string };

type PlanCheck = { ok: true; plan: AnalysisPlan } | { ok: false; message: string };

/** Whether a stored plan still fits the model a card would run it against (shape, measures, organization). */
export function checkPlan(workflow: string, plan: unknown, orgType: OrgType): PlanCheck {
  const parsed = AnalysisPlan.safeParse({ workflow, plan });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.filter((part) => part !== 'plan').join('.') ?? '';
    const detail = issue ? issueText(issue, plan) : 'it is not a plan';
    return {
      ok: false,
      message: `This card's question was saved in a form the analysis no longer reads (${where ? `${where}: ` : ''}${detail}). Ask the question again and pin the new answer.`,
    };
  }
  if (!PINNABLE_WORKFLOWS.includes(parsed.data.workflow)) {
    return {
      ok: false,
      message:
        'A name lookup has no figures to keep current, so it cannot be pinned; pin an answer with figures (by procedure, payor, month …, a typical case, a prediction or a simulation).',
    };
  }
  if (parsed.data.workflow === 'dashboard') {
    const refused = parsed.data.plan.measures.find((measure) => !measureAllowed(orgType, measure));
    if (refused) return { ok: false, message: hospitalOnlyReason(refused) };
  }
  if (parsed.data.workflow === 'analytics') {
    for (const { measure, aggregation } of parsed.data.plan.measures) {
      if (!measureAllowed(orgType, measure)) return { ok: false, message: hospitalOnlyReason(measure) };
      if (normalizeAggregation(measure, aggregation) === null) {
        return {
          ok: false,
          message: `This card asks for the ${aggregation} of ${measure.replace('_', ' ')}, which the analysis no longer computes. Ask the question again and pin the new answer.`,
        };
      }
    }
  }
  return { ok: true, plan: parsed.data };
}

interface AnyResult {
  tables: EngineResult<unknown>['tables'];
  chart: EngineResult<unknown>['chart'];
  notes: string[];
  cases: number;
  dates: { from: string; to: string } | null;
}

/** What every workflow's engine answers, in the card's one shape. */
async function runAny(
  cases: CaseStore,
  orgId: string,
  orgType: OrgType,
  plan: AnalysisPlan,
  signal: AbortSignal,
): Promise<AnyResult> {
  const options = { signal };
  switch (plan.workflow) {
    case 'analytics': {
      const result = await cases.runPlan(orgId, orgType, plan.plan, options);
      return { ...result, cases: result.figures.cases, dates: result.figures.dates };
    }
    case 'dashboard': {
      const result = await cases.typicalCase(orgId, orgType, plan.plan, options);
      return { ...result, cases: result.figures.cases, dates: result.figures.dates };
    }
    case 'predictions': {
      const result = await cases.predict(orgId, orgType, plan.plan, options);
      return { ...result, cases: result.figures.cases, dates: result.provenance.window };
    }
    case 'simulation': {
      const result = await cases.simulate(orgId, orgType, plan.plan, options);
      const base = result.figures.base;
      return {
        ...result,
        cases: result.figures.cases,
        dates: base ? { from: base.from, to: base.to } : result.provenance.window,
      };
    }
    default:
      throw new EngineRefusal('invalid_request', 'A name lookup has no figures to keep current.');
  }
}

function figuresOf(result: AnyResult, dataVersion: number, dataThrough: string | null, at: string): Figures {
  const table = result.tables[0];
  const chart = result.chart && result.chart.table === 0 ? result.chart : null;
  return {
    status: 'ok',
    columns: (table?.columns ?? []).map((column) => ({
      key: column.key,
      label: column.label,
      type: column.type,
      ...(column.unit ? { unit: column.unit } : {}),
    })),
    rows: (table?.rows ?? []).slice(0, CARD_ROWS_MAX),
    row_count: table?.rowCount ?? 0,
    chart: chart ? { kind: chart.kind, x: chart.x, y: chart.y } : null,
    cases: result.cases,
    dates: result.dates,
    data_through: dataThrough,
    data_version: dataVersion,
    notes: result.notes,
    computed_at: at,
  };
}

/** Plans whose dates are computed from today, so their figures change with the calendar as well as the data. */
function hasRelativeWindow(plan: AnalysisPlan): boolean {
  if (plan.workflow === 'dashboard') return plan.plan.window.kind === 'relative';
  if (plan.workflow !== 'analytics') return false;
  const query: QueryPlan = plan.plan;
  return (
    query.window.kind === 'relative' ||
    (query.comparison?.kind === 'windows' &&
      query.comparison.windows.some((window) => window.kind === 'relative'))
  );
}

interface CardRunnerOptions {
  cases: CaseStore;
  today: () => string;
  now: () => Date;
  log: Log;
  deadlineMs?: number;
  /** Queries of one organization at once (default CARD_CONCURRENCY). */
  concurrency?: number;
}

interface RunOptions {
  /** Lower runs first (see OVERVIEW_PRIORITY, WARM_PRIORITY); a card's place on the page by default. */
  priority?: number;
  /** Cancels the work while it still waits for a lane (a background refresh that a newer one replaces). */
  signal?: AbortSignal;
}

interface OverviewFigures {
  overview: CaseOverview;
  version: number;
  computedAt: string;
}

type Entry<T> = LaneTask<T>;

export function createCardRunner({
  cases,
  today,
  now,
  log,
  deadlineMs = CARD_DEADLINE_MS,
  concurrency = CARD_CONCURRENCY,
}: CardRunnerOptions) {
  const lanes: OrgLanes = createOrgLanes(concurrency);
  const cache = new Map<string, Entry<Outcome>>();
  const overviews = new Map<string, { version: number; entry: Entry<OverviewFigures> }>();
  const through = new Map<string, Promise<string | null>>();
  const warmups = new Map<string, AbortController>();

  /** The entry for `key`, or a new one scheduled in the organization's lanes; a waiting person claims it. */
  function remember<T>(
    map: Map<string, Entry<T>>,
    key: string,
    schedule: () => Entry<T>,
    options: RunOptions,
  ): Promise<T> {
    let entry = map.get(key);
    if (entry) {
      // Most recently used last, so the oldest entries go first when the cache is full.
      map.delete(key);
      map.set(key, entry);
    } else {
      entry = schedule();
      map.set(key, entry);
      const own = entry;
      own.promise.catch(() => {
        if (map.get(key) === own) map.delete(key);
      });
      while (map.size > CACHE_ENTRIES) map.delete(map.keys().next().value as string);
    }
    if (!options.signal) entry.claim(options.priority ?? 0);
    return entry.promise;
  }

  function dataThrough(orgId: string, version: number) {
    const key = `${orgId}\u0000${version}`;
    let hit = through.get(key);
    if (!hit) {
      hit = cases.dataSpan(orgId).then((span) => span.lastAdmit);
      through.set(key, hit);
      hit.catch(() => through.delete(key));
      while (through.size > CACHE_ENTRIES) through.delete(through.keys().next().value as string);
    }
    return hit;
  }

  async function execute(
    orgId: string,
    orgType: OrgType,
    plan: AnalysisPlan,
    version: number,
  ): Promise<Outcome> {
    // The deadline starts when the card does: time spent waiting for a lane is not the card's own slowness.
    const signal = AbortSignal.timeout(deadlineMs);
    try {
      const [result, last] = await Promise.all([
        runAny(cases, orgId, orgType, plan, signal),
        dataThrough(orgId, version),
      ]);
      return { status: 'ok', figures: figuresOf(result, version, last, now().toISOString()) };
    } catch (error) {
      if (error instanceof EngineRefusal) {
        // A plan the model refuses (a measure this organization lacks, a filter that no longer fits) is stale;
        // a window with no cases is a fact about today's data, worth showing as it is.
        return { status: error.reason === 'no_data' ? 'failed' : 'invalid', message: error.message };
      }
      if (signal.aborted) {
        throw new Error(
          `This card took longer than ${Math.max(1, Math.round(deadlineMs / 1000))} s and was stopped.`,
        );
      }
      throw error;
    }
  }

  async function run(
    orgId: string,
    orgType: OrgType,
    pin: Pin,
    options: RunOptions = {},
  ): Promise<CardResult> {
    const checked = checkPlan(pin.workflow, pin.plan, orgType);
    if (!checked.ok) return { status: 'invalid', pin_id: pin.id, message: checked.message };
    const plan = checked.plan;
    const priority = options.priority ?? pin.position;
    try {
      let outcome: Outcome | null = null;
      // A person can find the work of a refresh that was cancelled a moment ago; they ask once more, anew.
      for (let attempt = 0; outcome === null; attempt += 1) {
        const version = await cases.dataVersion(orgId);
        const day = hasRelativeWindow(plan) ? today() : '';
        const key = [orgId, version, day, plan.workflow, JSON.stringify(plan.plan)].join('\u0000');
        try {
          outcome = await remember(
            cache,
            key,
            () =>
              lanes.schedule(orgId, priority, () => execute(orgId, orgType, plan, version), options.signal),
            { ...options, priority },
          );
        } catch (error) {
          if (!(error instanceof WorkCancelled) || options.signal || attempt > 0) throw error;
        }
      }
      return outcome.status === 'ok'
        ? { ...outcome.figures, pin_id: pin.id }
        : { status: outcome.status, pin_id: pin.id, message: outcome.message };
    } catch (error) {
      // Only a background refresh hears of its own cancellation; a person gets a card that says to try again.
      if (error instanceof WorkCancelled && options.signal) throw error;
      const message = error instanceof Error ? error.message : String(error);
      log({ level: 'warn', event: 'dashboard_card_failed', org_id: orgId, pin_id: pin.id, message });
      return {
        status: 'failed',
        pin_id: pin.id,
        message: message.startsWith('This card took longer')
          ? `${message} Try again in a moment.`
          : 'This card could not be computed just now. Try again in a moment.',
      };
    }
  }

  async function overview(
    orgId: string,
    orgType: OrgType,
    options: RunOptions = {},
  ): Promise<OverviewFigures> {
    const priority = options.priority ?? OVERVIEW_PRIORITY;
    for (let attempt = 0; ; attempt += 1) {
      const version = await cases.dataVersion(orgId);
      const held = overviews.get(orgId);
      let entry = held?.version === version ? held.entry : null;
      if (!entry) {
        const created = lanes.schedule(
          orgId,
          priority,
          async () => ({
            overview: await cases.overview(orgId, orgType, { signal: AbortSignal.timeout(deadlineMs) }),
            version,
            computedAt: now().toISOString(),
          }),
          options.signal,
        );
        // One entry per organization: an older version is never read again.
        overviews.set(orgId, { version, entry: created });
        created.promise.catch(() => {
          if (overviews.get(orgId)?.entry === created) overviews.delete(orgId);
        });
        entry = created;
      }
      if (!options.signal) entry.claim(priority);
      try {
        return await entry.promise;
      } catch (error) {
        if (!(error instanceof WorkCancelled) || options.signal || attempt > 0) throw error;
      }
    }
  }

  /**
   * Computes the overview and the given cards in the background, in the order given, after anything a person is
   * waiting for. A newer refresh of the organization cancels what this one has not started yet.
   */
  async function warm(orgId: string, orgType: OrgType, pins: Pin[]): Promise<void> {
    warmups.get(orgId)?.abort();
    const controller = new AbortController();
    warmups.set(orgId, controller);
    const { signal } = controller;
    // One refresh schedules every pinned card of the organization and the overview on this signal at once;
    // each removes its listener when it starts, so many listeners here are expected, not a leak.
    setMaxListeners(0, signal);
    const quietly = (error: unknown) => {
      if (!(error instanceof WorkCancelled)) {
        log({ level: 'warn', event: 'dashboard_refresh_failed', org_id: orgId, error: String(error) });
      }
    };
    try {
      // Asked for in the order they should start, since free lanes take work as it comes: the first two
      // cards, then the overview, then the other cards.
      const jobs: (() => Promise<unknown>)[] = pins.map(
        (pin, index) => () =>
          run(orgId, orgType, pin, { priority: WARM_PRIORITY + index, signal }).catch(quietly),
      );
      const kpis = () =>
        overview(orgId, orgType, { priority: WARM_PRIORITY + OVERVIEW_PRIORITY, signal }).catch(quietly);
      jobs.splice(Math.min(2, jobs.length), 0, kpis);
      await Promise.all(jobs.map((start) => start()));
    } finally {
      if (warmups.get(orgId) === controller) warmups.delete(orgId);
    }
  }

  return { run, overview, warm, concurrency };
}

export type CardRunner = ReturnType<typeof createCardRunner>;
