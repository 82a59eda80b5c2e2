import { Hono } from 'hono';
import { NewColumnMapping, ProposeMappingRequest } from '../../src/contract/column-mapping';
import type { AppEnv } from '../app-env';
import { authenticate } from '../auth/authenticate';
import type { Deps } from '../deps';
import { jsonBody } from '../http/validate';
import { uploaderOf } from '../upload/upload-service';
import { proposeMapping } from './propose-mapping';

/** The organization's named column mappings, and proposals for a file's header. */
export const mappingRoutes = (deps: Deps) =>
  new Hono<AppEnv>()
    .use(authenticate(deps, { apiKeys: true, scope: 'upload' }))
    .get('/', (c) => c.json({ results: deps.mappings.list(c.var.orgId), next_cursor: null }))
    .post('/', async (c) => {
      const body = await jsonBody(c, NewColumnMapping);
      return c.json(deps.mappings.create(c.var.orgId, body, uploaderOf(deps.accounts, c.var.principal)), 201);
    })
    .post('/propose/', async (c) => {
      const { header, samples } = await jsonBody(c, ProposeMappingRequest);
      return c.json({
        ...proposeMapping(header, samples),
        saved: deps.mappings.forHeader(c.var.orgId, header),
      });
    })
    .get('/:id/', (c) => c.json(deps.mappings.require(c.var.orgId, c.req.param('id'))))
    .delete('/:id/', (c) => {
      deps.mappings.remove(c.var.orgId, c.req.param('id'));
      return c.body(null, 204);
    });
