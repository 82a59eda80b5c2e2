import { CARD_ROWS_MAX, type CardResult, type Pin } from '../../src/contract/dashboard';
import { AnalysisPlan, type QueryPlan, type Workflow } from '../../src/contract/query-plan';
import { hospitalOnlyReason, measureAllowed, normalizeAggregation } from '../cases/semantic-model';
import { type CaseStore, EngineRefusal, type EngineResult, type OrgType } from '../cases/types';
import { issueText } from '../http/issue-text';
import type { Log } from '../lib/log';

// Runs pinned cards: checks each stored plan against the current model, runs it with a deadline, and keeps the
// figures per organization and data version, so a new ingestion or a file delete refreshes every card and
// nothing else does. A relative window ("last quarter") also keys on today, so the card moves with the calendar.

/** Workflows whose plans a card can run again; a name lookup is no figure to keep current, so it is refused. */
export const PINNABLE_WORKFLOWS: readonly Workflow[] = [
  'analytics',
  'dashboard',
  'predictions',
  'simulation',
];

export const CARD_DEADLINE_MS = 10_000;
/** Cards of one organization computed at the same time. DuckDB already spreads each query over every core, so
 *  twelve at once only finish together, late; a few at a time bring the first cards sooner and the last no later. */
export const CARD_CONCURRENCY = 3;
const CACHE_ENTRIES = 1000;

type Figures = Omit<Extract<CardResult, { status: 'ok' }>, 'pin_id'>;
type Outcome = { status: 'ok'; figures: Figures } | { status: 'invalid' | 'failed'; message: string };

export type PlanCheck = { ok: true; plan: AnalysisPlan } | { ok: false; message: string };

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

export interface CardRunnerOptions {
  cases: CaseStore;
  today: () => string;
  now: () => Date;
  log: Log;
  deadlineMs?: number;
}

export function createCardRunner({
  cases,
  today,
  now,
  log,
  deadlineMs = CARD_DEADLINE_MS,
}: CardRunnerOptions) {
  const cache = new Map<string, Promise<Outcome>>();
  const through = new Map<string, Promise<string | null>>();

  function remember<T>(map: Map<string, Promise<T>>, key: string, work: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit) {
      // Most recently used last, so the oldest entries go first when the cache is full.
      map.delete(key);
      map.set(key, hit);
      return hit;
    }
    const promise = work();
    map.set(key, promise);
    promise.catch(() => map.delete(key));
    while (map.size > CACHE_ENTRIES) map.delete(map.keys().next().value as string);
    return promise;
  }

  const running = new Map<string, { active: number; waiting: (() => void)[] }>();

  async function slot<T>(orgId: string, work: () => Promise<T>): Promise<T> {
    let lane = running.get(orgId);
    if (!lane) {
      lane = { active: 0, waiting: [] };
      running.set(orgId, lane);
    }
    const current = lane;
    if (current.active >= CARD_CONCURRENCY)
      await new Promise<void>((resolve) => current.waiting.push(resolve));
    current.active += 1;
    try {
      return await work();
    } finally {
      current.active -= 1;
      const next = current.waiting.shift();
      if (next) next();
      else if (current.active === 0) running.delete(orgId);
    }
  }

  const dataThrough = (orgId: string, version: number) =>
    remember(through, `${orgId}\u0000${version}`, async () => (await cases.dataSpan(orgId)).lastAdmit);

  async function execute(
    orgId: string,
    orgType: OrgType,
    plan: AnalysisPlan,
    version: number,
  ): Promise<Outcome> {
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

  return {
    async run(orgId: string, orgType: OrgType, pin: Pin): Promise<CardResult> {
      const checked = checkPlan(pin.workflow, pin.plan, orgType);
      if (!checked.ok) return { status: 'invalid', pin_id: pin.id, message: checked.message };
      const version = cases.dataVersion(orgId);
      const plan = checked.plan;
      const day = hasRelativeWindow(plan) ? today() : '';
      const key = [orgId, version, day, plan.workflow, JSON.stringify(plan.plan)].join('\u0000');
      try {
        const outcome = await remember(cache, key, () =>
          slot(orgId, () => execute(orgId, orgType, plan, version)),
        );
        return outcome.status === 'ok'
          ? { ...outcome.figures, pin_id: pin.id }
          : { status: outcome.status, pin_id: pin.id, message: outcome.message };
      } catch (error) {
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
    },
  };
}

export type CardRunner = ReturnType<typeof createCardRunner>;
