import { api } from '../../../lib/api-client';

/** Asks the server to stop the run; it answers 202 and the run ends with `run.failed` "cancelled". */
export const cancelRun = (runId: string) => api.post(`/agent/runs/${encodeURIComponent(runId)}/cancel/`);
