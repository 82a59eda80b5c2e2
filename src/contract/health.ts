import * as z from 'zod/mini';

export const HEALTH_CHECKS = ['database', 'storage', 'analytics'] as const;
export type HealthCheckName = (typeof HEALTH_CHECKS)[number];

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  time: z.string(),
  checks: z.record(z.string(), z.string()),
});
export type Health = z.infer<typeof Health>;
