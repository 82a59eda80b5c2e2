import * as z from 'zod/mini';
import * as agent from '../../src/contract/agent';
import * as auth from '../../src/contract/auth';
import * as mapping from '../../src/contract/column-mapping';
import * as dashboard from '../../src/contract/dashboard';
import { ERROR_STATUS, ErrorBody } from '../../src/contract/errors';
import * as files from '../../src/contract/files';
import { Health } from '../../src/contract/health';
import * as keys from '../../src/contract/keys';
import { PageQuery } from '../../src/contract/pages';
import * as upload from '../../src/contract/upload';

type Credential = 'none' | 'jwt' | 'api_key' | 'cookie';

interface Operation {
  summary: string;
  credentials: Credential[];
  body?: z.core.$ZodType;
  query?: z.core.$ZodType;
  /** Status → schema; `null` means no body. */
  responses: Record<number, z.core.$ZodType | null | 'event-stream'>;
}

/**
 * The one description of every route, built from the same zod schemas the server validates with and the SPA
 * reads with, so it cannot drift from either. A test checks it against the routes the app really mounts.
 */
export const OPERATIONS: Record<string, Operation> = {
  'GET /health/': {
    summary: 'Service health with its checks',
    credentials: ['none'],
    responses: { 200: Health, 503: Health },
  },
  'POST /auth/login/': {
    summary: 'Sign in; sets the refresh cookie',
    credentials: ['none'],
    body: auth.LoginRequest,
    responses: { 200: auth.Session },
  },
  'POST /auth/refresh/': {
    summary:
      'Rotate the refresh cookie for a new access token; 204 (no body) when no cookie was sent (signed out)',
    credentials: ['cookie'],
    responses: { 200: auth.Session, 204: null },
  },
  'POST /auth/logout/': {
    summary: 'End the session family and clear the cookie; 401 and no change without a live session',
    credentials: ['cookie'],
    responses: { 204: null },
  },
  'GET /auth/me/': {
    summary: 'Who the credential belongs to',
    credentials: ['jwt', 'api_key'],
    responses: { 200: z.union([auth.User, auth.ApiKeyIdentity]) },
  },
  'POST /upload/presigned-url/': {
    summary: 'A single-use presigned PUT for one file',
    credentials: ['jwt', 'api_key'],
    body: upload.PresignedUrlRequest,
    responses: { 201: upload.PresignedUrl },
  },
  'POST /upload/sign/': {
    summary: 'Presign one S3 request (PutObject or a multipart step)',
    credentials: ['jwt', 'api_key'],
    body: upload.SignRequest,
    responses: { 200: upload.SignedRequest },
  },
  'POST /upload/complete/': {
    summary: 'Record a stored object; starts ingestion of case data',
    credentials: ['jwt', 'api_key'],
    body: upload.CompleteRequest,
    responses: { 200: files.StoredFile },
  },
  'GET /files/': {
    summary: "The organization's files",
    credentials: ['jwt', 'api_key'],
    query: PageQuery,
    responses: { 200: files.FilePage },
  },
  'GET /files/{id}/': {
    summary: 'One file',
    credentials: ['jwt', 'api_key'],
    responses: { 200: files.StoredFile },
  },
  'DELETE /files/{id}/': {
    summary: 'Delete a file, its object and its ingested rows',
    credentials: ['jwt', 'api_key'],
    responses: { 204: null },
  },
  'GET /files/{id}/download-url/': {
    summary: 'A presigned download',
    credentials: ['jwt', 'api_key'],
    responses: { 200: files.DownloadUrl },
  },
  'GET /files/{id}/rejected-rows/': {
    summary: 'A presigned download of the rejected rows: the original rows plus a rejection_reason column',
    credentials: ['jwt', 'api_key'],
    responses: { 200: files.RejectedRowsUrl },
  },
  'POST /files/{id}/ingest/': {
    summary: 'Read a stored case file again, with a column mapping (or none)',
    credentials: ['jwt', 'api_key'],
    body: mapping.IngestRequest,
    responses: { 202: files.StoredFile },
  },
  'GET /mappings/': {
    summary: "The organization's column mappings, newest first",
    credentials: ['jwt', 'api_key'],
    responses: { 200: mapping.MappingList },
  },
  'POST /mappings/': {
    summary: 'Save a named column mapping from a header to the case columns',
    credentials: ['jwt', 'api_key'],
    body: mapping.NewColumnMapping,
    responses: { 201: mapping.ColumnMapping },
  },
  'POST /mappings/propose/': {
    summary: "Propose a mapping for a file's header (and the saved one for the same header)",
    credentials: ['jwt', 'api_key'],
    body: mapping.ProposeMappingRequest,
    responses: { 200: mapping.MappingProposal },
  },
  'GET /mappings/{id}/': {
    summary: 'One column mapping',
    credentials: ['jwt', 'api_key'],
    responses: { 200: mapping.ColumnMapping },
  },
  'DELETE /mappings/{id}/': {
    summary: 'Delete a column mapping (files already read with it keep their rows)',
    credentials: ['jwt', 'api_key'],
    responses: { 204: null },
  },
  'GET /api-keys/': {
    summary: "The organization's API keys, never their secrets",
    credentials: ['jwt'],
    query: PageQuery,
    responses: { 200: keys.ApiKeyList },
  },
  'POST /agent/query/': {
    summary: 'Ask a question; Server-Sent Events with Accept: text/event-stream, else JSON when done',
    credentials: ['jwt', 'api_key'],
    body: agent.AgentQueryRequest,
    responses: { 200: agent.AgentQueryResponse },
  },
  'GET /agent/runs/{runId}/events/': {
    summary: 'Replay a run after Last-Event-ID, then follow it live',
    credentials: ['jwt', 'api_key'],
    query: agent.RunEventsQuery,
    responses: { 200: 'event-stream' },
  },
  'POST /agent/runs/{runId}/cancel/': {
    summary: 'Stop a run',
    credentials: ['jwt', 'api_key'],
    responses: { 202: null },
  },
  'GET /agent/conversations/': {
    summary: 'Your conversations',
    credentials: ['jwt', 'api_key'],
    query: PageQuery,
    responses: { 200: agent.ConversationList },
  },
  'GET /agent/conversations/{id}/': {
    summary: 'One conversation with its messages',
    credentials: ['jwt', 'api_key'],
    responses: { 200: agent.Conversation },
  },
  'DELETE /agent/conversations/{id}/': {
    summary: 'Delete a conversation',
    credentials: ['jwt', 'api_key'],
    responses: { 204: null },
  },
  'GET /agent/examples/': {
    summary: "Example questions from the organization's data",
    credentials: ['jwt', 'api_key'],
    responses: { 200: agent.AgentExamples },
  },
  'GET /dashboard/overview/': {
    summary:
      'KPIs for the 12 months ending at the latest admit date against the 12 before, top procedures, coverage',
    credentials: ['jwt', 'api_key'],
    responses: { 200: dashboard.Overview },
  },
  'GET /dashboard/pins/': {
    summary: 'Your pinned cards, then the ones colleagues shared (an API key sees the shared ones)',
    credentials: ['jwt', 'api_key'],
    responses: { 200: dashboard.PinList },
  },
  'POST /dashboard/pins/': {
    summary: 'Pin an answer: its question, typed plan and reading',
    credentials: ['jwt'],
    body: dashboard.CreatePinRequest,
    responses: { 201: dashboard.Pin },
  },
  'GET /dashboard/pins/results/': {
    summary: 'Every visible card run against the current data, concurrently, each with a deadline',
    credentials: ['jwt', 'api_key'],
    responses: { 200: dashboard.CardResultList },
  },
  'PUT /dashboard/pins/order/': {
    summary: 'Reorder your own cards (every one of them, once, in the new order)',
    credentials: ['jwt'],
    body: dashboard.PinOrderRequest,
    responses: { 204: null },
  },
  'GET /dashboard/pins/{id}/': {
    summary: 'One card',
    credentials: ['jwt', 'api_key'],
    responses: { 200: dashboard.Pin },
  },
  'PATCH /dashboard/pins/{id}/': {
    summary: 'Rename a card or share it with the organization (owner only)',
    credentials: ['jwt'],
    body: dashboard.UpdatePinRequest,
    responses: { 200: dashboard.Pin },
  },
  'DELETE /dashboard/pins/{id}/': {
    summary: 'Remove a card (owner only)',
    credentials: ['jwt'],
    responses: { 204: null },
  },
  'GET /dashboard/pins/{id}/result/': {
    summary: "One card's figures on the current data, cached per organization and data version",
    credentials: ['jwt', 'api_key'],
    responses: { 200: dashboard.CardResult },
  },
};

const jsonSchema = (schema: z.core.$ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

const SECURITY: Record<Credential, Record<string, string[]> | null> = {
  none: null,
  jwt: { bearer: [] },
  api_key: { apiKey: [] },
  cookie: { refreshCookie: [] },
};

function operationOf(key: string, operation: Operation) {
  const parameters = [...key.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = operation.query
    ? (jsonSchema(operation.query, 'input') as { properties?: Record<string, object> })
    : null;
  for (const [name, schema] of Object.entries(query?.properties ?? {}))
    parameters.push({ name, in: 'query', required: false, schema } as never);
  const responses: Record<string, object> = {};
  for (const [status, schema] of Object.entries(operation.responses)) {
    responses[status] =
      schema === null
        ? { description: 'No content' }
        : schema === 'event-stream'
          ? {
              description: 'Server-Sent Events',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            }
          : { description: 'OK', content: { 'application/json': { schema: jsonSchema(schema, 'output') } } };
  }
  responses.default = {
    description: 'An error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    summary: operation.summary,
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } },
          },
        }
      : {}),
    security: operation.credentials.map((credential) => SECURITY[credential] ?? {}),
    responses,
  };
}

export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const [key, operation] of Object.entries(OPERATIONS)) {
    const [method, path] = key.split(' ') as [string, string];
    paths[`/api/v1${path}`] ??= {};
    paths[`/api/v1${path}`]![method.toLowerCase()] = operationOf(key, operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Healthproximate API (local)',
      version,
      description: `Errors carry one of: ${Object.entries(ERROR_STATUS)
        .map(([type, status]) => `${type} (${status})`)
        .join(', ')}.`,
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        refreshCookie: { type: 'apiKey', in: 'cookie', name: 'hp_refresh' },
      },
    },
  };
}
