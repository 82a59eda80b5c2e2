import { queryOptions, useQuery } from '@tanstack/react-query';
import { env } from '../config/env';
import { Health } from '../contract/health';
import { ApiError, send } from './api-client';

type HealthState = { level: 'ok' | 'degraded' | 'unreachable' | 'checking'; detail: string };

export const healthQuery = () =>
  queryOptions({
    queryKey: ['health'],
    // A 503 still carries the failing checks, so the body is read whatever the status.
    queryFn: async ({ signal }) => {
      const response = await send('GET', '/health/', { withSession: false, signal });
      const parsed = Health.safeParse(await response.json().catch(() => null));
      if (!parsed.success) {
        throw new ApiError({
          status: response.status,
          error: 'unreachable',
          message: 'The API did not answer its health check.',
        });
      }
      return parsed.data;
    },
    refetchInterval: env.healthPollMs,
    retry: false,
  });

export function useHealth(): HealthState {
  const query = useQuery(healthQuery());
  if (query.isError) return { level: 'unreachable', detail: 'API unreachable' };
  if (!query.data) return { level: 'checking', detail: 'Checking the API…' };
  if (query.data.status === 'ok') return { level: 'ok', detail: 'API healthy' };
  const failing = Object.entries(query.data.checks).filter(([, value]) => value !== 'ok');
  return {
    level: 'degraded',
    detail: `API degraded${failing.length ? `: ${failing.map(([name]) => name).join(', ')}` : ''}`,
  };
}
