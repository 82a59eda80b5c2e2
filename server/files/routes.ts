import { Hono } from 'hono';
import { IngestRequest } from '../../src/contract/column-mapping';
import { PageQuery } from '../../src/contract/pages';
import type { AppEnv } from '../app-env';
import { authenticate } from '../auth/authenticate';
import type { Deps } from '../deps';
import { jsonBody, queryParams } from '../http/validate';

export const filesRoutes = (deps: Deps) =>
  new Hono<AppEnv>()
    .use(authenticate(deps, { apiKeys: true, scope: 'upload' }))
    .get('/', (c) => c.json(deps.files.list(c.var.orgId, queryParams(c, PageQuery))))
    .get('/:id/', (c) => c.json(deps.files.get(c.var.orgId, c.req.param('id'))))
    .get('/:id/download-url/', async (c) =>
      c.json(await deps.files.downloadUrl(c.var.orgId, c.req.param('id'))),
    )
    .get('/:id/rejected-rows/', async (c) =>
      c.json(await deps.files.rejectedRowsUrl(c.var.orgId, c.req.param('id'))),
    )
    .post('/:id/ingest/', async (c) => {
      const { mapping_id } = await jsonBody(c, IngestRequest);
      return c.json(await deps.files.reingest(c.var.orgId, c.req.param('id'), mapping_id), 202);
    })
    .delete('/:id/', async (c) => {
      await deps.files.remove(c.var.orgId, c.req.param('id'));
      return c.body(null, 204);
    });
