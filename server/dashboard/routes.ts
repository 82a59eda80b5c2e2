import { type Context, Hono } from 'hono';
import {
  CreatePinRequest,
  type Overview,
  PIN_TITLE_MAX,
  PinOrderRequest,
  UpdatePinRequest,
} from '../../src/contract/dashboard';
import type { AppEnv } from '../app-env';
import { authenticate } from '../auth/authenticate';
import { MARGIN_MIN_CASES } from '../cases/overview';
import type { OrgType } from '../cases/types';
import type { Deps } from '../deps';
import { badRequest, forbidden, HttpError, notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { type CardRunner, checkPlan, createCardRunner } from './card-runner';
import { fileCoverage } from './file-coverage';
import { createPinStore, MAX_PINS_PER_USER, type Viewer } from './pin-store';

// `/api/v1/dashboard/`: the organization at a glance and its pinned cards. Reads are open to API keys with the
// `agent` scope (integrations show the same cards); changing cards is for signed-in users.

export interface DashboardRouteOptions {
  /** Each card's deadline; tests shorten it. */
  cardDeadlineMs?: number;
  runner?: CardRunner;
  /** Refresh the cards of organizations with pins at start (default true). */
  warmOnStart?: boolean;
}

function viewerOf(c: Context<AppEnv>): Viewer {
  const principal = c.get('principal');
  return { orgId: principal.orgId, userId: principal.kind === 'user' ? principal.userId : null };
}

function userOf(c: Context<AppEnv>): { orgId: string; userId: string } {
  const principal = c.get('principal');
  if (principal.kind !== 'user') {
    throw forbidden(
      'API keys can read the dashboard but not change it. Sign in to pin, rename or remove cards.',
    );
  }
  return { orgId: principal.orgId, userId: principal.userId };
}

const titleOf = (question: string) => {
  const text = question.replace(/\s+/g, ' ').trim();
  return text.length <= PIN_TITLE_MAX ? text : `${text.slice(0, PIN_TITLE_MAX - 1)}…`;
};

export function dashboardRoutes(deps: Deps, options: DashboardRouteOptions = {}) {
  const pins = createPinStore(deps.db, deps.now);
  const today = () => deps.now().toISOString().slice(0, 10);
  const runner =
    options.runner ??
    createCardRunner({
      cases: deps.cases,
      today,
      now: deps.now,
      log: deps.log,
      deadlineMs: options.cardDeadlineMs,
    });

  const orgTypeOf = (orgId: string): OrgType => {
    const org = deps.accounts.getOrg(orgId);
    if (!org) throw notFound('Your organization');
    return org.type;
  };

  async function overviewOf(orgId: string, orgType: OrgType): Promise<Overview> {
    const { overview, version, computedAt } = await runner.overview(orgId, orgType);
    return {
      organization_type: orgType,
      window: overview.window,
      previous_window: overview.previousWindow,
      months: overview.months,
      kpis: overview.kpis,
      top_by_volume: overview.topByVolume,
      top_by_margin: overview.topByMargin,
      top_by_margin_refusal: overview.topByMarginRefusal,
      margin_min_cases: MARGIN_MIN_CASES,
      data_version: version,
      computed_at: computedAt,
      coverage: {
        cases: overview.cases,
        first_admit: overview.firstAdmit,
        last_admit: overview.lastAdmit,
        ...fileCoverage(deps.db, orgId),
      },
    };
  }

  /** The overview and every card of the organization, in the background, the first places on each page first. */
  function refresh(orgId: string): Promise<void> {
    // The server may have shut down since the change; a refresh that finds its stores closed just stops.
    try {
      const org = deps.accounts.getOrg(orgId);
      if (!org) return Promise.resolve();
      return runner.warm(orgId, org.type, pins.listOrg(orgId));
    } catch (error) {
      deps.log({ level: 'warn', event: 'dashboard_refresh_skipped', org_id: orgId, error: String(error) });
      return Promise.resolve();
    }
  }

  // New data refreshes every card at once, in the background, so whoever opens the dashboard next finds the
  // figures ready; the requests then share the same computations rather than starting their own. A newer change
  // cancels what the previous refresh has not started.
  deps.cases.onDataChange((orgId) => {
    setTimeout(() => void refresh(orgId), 0).unref();
  });
  // After a start, the first person to open a dashboard would otherwise pay for opening the organization's
  // DuckDB file and reading its columns: organizations with cards are refreshed one after another.
  if (options.warmOnStart ?? true) {
    setTimeout(async () => {
      try {
        for (const orgId of pins.orgsWithPins()) {
          // A server closed meanwhile (tests start and stop them quickly) has nothing left to refresh.
          if (!deps.db.open) return;
          await refresh(orgId);
        }
      } catch (error) {
        deps.log({ level: 'warn', event: 'dashboard_start_refresh_skipped', error: String(error) });
      }
    }, 0).unref();
  }

  const read = authenticate(deps, { apiKeys: true, scope: 'agent' });
  const write = authenticate(deps, { apiKeys: false });

  return new Hono<AppEnv>()
    .get('/overview/', read, async (c) => {
      const orgId = c.var.orgId;
      return c.json(await overviewOf(orgId, orgTypeOf(orgId)));
    })
    .get('/pins/', read, (c) => c.json({ results: pins.list(viewerOf(c)), next_cursor: null }))
    .get('/pins/results/', read, async (c) => {
      const viewer = viewerOf(c);
      const orgType = orgTypeOf(viewer.orgId);
      // Concurrently, each with its own deadline: one slow card never holds back the others.
      const results = await Promise.all(
        pins.list(viewer).map((pin, index) => runner.run(viewer.orgId, orgType, pin, { priority: index })),
      );
      return c.json({ results });
    })
    .get('/pins/:id/', read, (c) => {
      const pin = pins.get(viewerOf(c), c.req.param('id'));
      if (!pin) throw notFound('That card');
      return c.json(pin);
    })
    .get('/pins/:id/result/', read, async (c) => {
      const viewer = viewerOf(c);
      const pin = pins.get(viewer, c.req.param('id'));
      if (!pin) throw notFound('That card');
      // Its place on the viewer's page sets its turn: the first card comes first.
      const priority = pin.is_owner ? pin.position : MAX_PINS_PER_USER + pin.position;
      return c.json(await runner.run(viewer.orgId, orgTypeOf(viewer.orgId), pin, { priority }));
    })
    .post('/pins/', write, async (c) => {
      const { orgId, userId } = userOf(c);
      const body = await jsonBody(c, CreatePinRequest);
      const checked = checkPlan(body.workflow, body.plan, orgTypeOf(orgId));
      if (!checked.ok) throw badRequest(checked.message, { plan: checked.message });
      if (pins.countOwned(orgId, userId) >= MAX_PINS_PER_USER) {
        throw new HttpError(
          'conflict',
          `Your dashboard already holds ${MAX_PINS_PER_USER} cards. Remove one before pinning another.`,
        );
      }
      const pin = pins.create(orgId, userId, {
        title: body.title ?? titleOf(body.question),
        question: body.question,
        reading: body.reading,
        workflow: checked.plan.workflow,
        plan: checked.plan.plan,
      });
      return c.json(pin, 201);
    })
    .put('/pins/order/', write, async (c) => {
      const { orgId, userId } = userOf(c);
      const { ids } = await jsonBody(c, PinOrderRequest);
      if (new Set(ids).size !== ids.length) throw badRequest('Each card may appear once in the order.');
      const { unknown, missing } = pins.reorder(orgId, userId, ids);
      if (unknown.length || missing.length) {
        throw badRequest(
          'Send every one of your own cards exactly once, in the new order. Reload the dashboard and try again.',
          {
            ids: [
              ...unknown.map((id) => `${id} is not one of your cards`),
              ...missing.map((id) => `${id} is missing`),
            ].join('; '),
          },
        );
      }
      return c.body(null, 204);
    })
    .patch('/pins/:id/', write, async (c) => {
      const { orgId, userId } = userOf(c);
      const change = await jsonBody(c, UpdatePinRequest);
      if (change.title === undefined && change.shared === undefined) {
        throw badRequest('Send a new "title" or "shared", or both.');
      }
      const pin = pins.update(orgId, userId, c.req.param('id'), change);
      if (!pin) throw ownerOnly(pins.get({ orgId, userId }, c.req.param('id')) !== null);
      return c.json(pin);
    })
    .delete('/pins/:id/', write, (c) => {
      const { orgId, userId } = userOf(c);
      if (!pins.remove(orgId, userId, c.req.param('id'))) {
        throw ownerOnly(pins.get({ orgId, userId }, c.req.param('id')) !== null);
      }
      return c.body(null, 204);
    });
}

/** A colleague's shared card is visible but not theirs to change; anything else simply is not there. */
const ownerOnly = (isVisible: boolean) =>
  isVisible
    ? forbidden('Only the analyst who pinned this card can change or remove it.')
    : notFound('That card');
