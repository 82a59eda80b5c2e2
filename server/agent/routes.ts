import { type Context, Hono } from 'hono';
import { AgentQueryRequest, type AgentQueryResponse, RunEventsQuery } from '../../src/contract/agent';
import { PageQuery } from '../../src/contract/pages';
import type { AppEnv } from '../app-env';
import { authenticate } from '../auth/authenticate';
import type { Deps } from '../deps';
import { badRequest, notFound } from '../http/errors';
import { jsonBody, queryParams } from '../http/validate';
import type { Asker } from './agent-service';
import { sseResponse } from './sse-response';

/** History belongs to whoever asked: the signed-in user, or the API key for a service. */
function askerOf(deps: Deps, c: Context<AppEnv>): Asker {
  const principal = c.get('principal');
  const org = deps.accounts.getOrg(principal.orgId);
  if (!org) throw notFound('Your organization');
  return {
    orgId: principal.orgId,
    orgType: org.type,
    owner: principal.kind === 'user' ? principal.userId : `key:${principal.keyId}`,
  };
}

function lastEventIdOf(c: Context<AppEnv>): number {
  const raw = c.req.header('last-event-id') ?? queryParams(c, RunEventsQuery).last_event_id ?? '0';
  if (!/^\d{1,9}$/.test(raw.trim()))
    throw badRequest('Last-Event-ID must be the number of the last event received.');
  return Number(raw.trim());
}

const wantsStream = (c: Context<AppEnv>) => /\btext\/event-stream\b/i.test(c.req.header('accept') ?? '');

export const agentRoutes = (deps: Deps, options: { pingMs?: number } = {}) =>
  new Hono<AppEnv>()
    .use(authenticate(deps, { apiKeys: true, scope: 'agent' }))
    .post('/query/', async (c) => {
      const body = await jsonBody(c, AgentQueryRequest);
      const asker = askerOf(deps, c);
      const started = deps.agent.start(asker, body.question, body.conversation_id);
      if (wantsStream(c)) {
        return sseResponse(
          {
            follow: (listener) => deps.agent.follow(asker, started.run.id, 0, listener),
            pingMs: options.pingMs,
          },
          { 'X-Request-Id': c.get('requestId') },
        );
      }
      await started.done;
      const answer: AgentQueryResponse = {
        conversation_id: started.run.conversation_id,
        run_id: started.run.id,
        message: started.message(),
      };
      return c.json(answer);
    })
    .get('/runs/:runId/events/', (c) => {
      const asker = askerOf(deps, c);
      const after = lastEventIdOf(c);
      const runId = c.req.param('runId');
      // Checked before the stream opens, so a wrong id is a plain 404 rather than an empty stream.
      deps.agent.checkRun(asker, runId);
      return sseResponse(
        { follow: (listener) => deps.agent.follow(asker, runId, after, listener), pingMs: options.pingMs },
        { 'X-Request-Id': c.get('requestId') },
      );
    })
    .post('/runs/:runId/cancel/', (c) => {
      const isRunning = deps.agent.cancel(askerOf(deps, c), c.req.param('runId'));
      return c.json({ status: isRunning ? 'cancelling' : 'finished' }, 202);
    })
    .get('/conversations/', (c) => {
      const page = queryParams(c, PageQuery);
      return c.json(deps.agent.store.listConversations(askerOf(deps, c), page));
    })
    .get('/conversations/:id/', (c) => {
      const conversation = deps.agent.store.conversation(askerOf(deps, c), c.req.param('id'));
      if (!conversation) throw notFound('That conversation');
      return c.json(conversation);
    })
    .delete('/conversations/:id/', async (c) => {
      const isDeleted = await deps.agent.deleteConversation(askerOf(deps, c), c.req.param('id'));
      if (!isDeleted) throw notFound('That conversation');
      return c.body(null, 204);
    })
    .get('/examples/', async (c) => {
      const asker = askerOf(deps, c);
      return c.json({ questions: await deps.agent.examples(asker.orgId, asker.orgType) });
    });
