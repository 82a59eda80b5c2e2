import { Hono } from 'hono';
import { CompleteRequest, PresignedUrlRequest, SignRequest } from '../../src/contract/upload';
import type { AppEnv } from '../app-env';
import { authenticate } from '../auth/authenticate';
import type { Deps } from '../deps';
import { jsonBody } from '../http/validate';
import { createUploads } from './upload-service';

export const uploadRoutes = (deps: Deps) => {
  const uploads = createUploads({
    files: deps.files,
    mappings: deps.mappings,
    objects: deps.objects,
    accounts: deps.accounts,
    maxUploadBytes: deps.config.maxUploadBytes,
  });
  return new Hono<AppEnv>()
    .use(authenticate(deps, { apiKeys: true, scope: 'upload' }))
    .post('/presigned-url/', async (c) =>
      c.json(await uploads.presignedUrl(c.var.principal, await jsonBody(c, PresignedUrlRequest)), 201),
    )
    .post('/sign/', async (c) => c.json(await uploads.sign(c.var.principal, await jsonBody(c, SignRequest))))
    .post('/complete/', async (c) => {
      const { key, mapping_id } = await jsonBody(c, CompleteRequest);
      return c.json(await uploads.complete(c.var.orgId, key, mapping_id));
    });
};
