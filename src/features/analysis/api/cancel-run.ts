import * as z from 'zod/mini';
import { api } from '../../../lib/api-client';

/** `finished` when the run had already ended before the stop reached it: its answer is complete. */
const CancelAnswer = z.object({ status: z.enum(['cancelling', 'finished']) });

/** Asks the server to stop the run (202); a running run then ends with `run.failed` "cancelled". */
export const cancelRun = async (runId: string) =>
  (await api.post(`/agent/runs/${encodeURIComponent(runId)}/cancel/`, undefined, { schema: CancelAnswer }))
    .status;
