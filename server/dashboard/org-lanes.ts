// How much of one organization's dashboard work runs at once, and in which order. DuckDB already spreads each
// query over every core, so a dozen queries at once only finish together, late; a couple at a time, the most
// urgent first, bring the first card within a query's time and the last no later than running them all at once.

/** Thrown by work that was still waiting when its signal aborted (a background refresh a newer one replaced). */
export class WorkCancelled extends Error {
  constructor() {
    super('This computation was replaced by a newer one before it started.');
    this.name = 'WorkCancelled';
  }
}

export interface LaneTask<T> {
  promise: Promise<T>;
  /**
   * Someone is now waiting for this work: it moves up to `priority` if that is more urgent, and can no longer be
   * cancelled by the signal it was scheduled with.
   */
  claim(priority: number): void;
}

interface Waiting {
  priority: number;
  order: number;
  start(): void;
  cancel(): void;
  release(): void;
}

interface Lane {
  active: number;
  waiting: Waiting[];
}

export function createOrgLanes(concurrency: number) {
  const lanes = new Map<string, Lane>();
  let order = 0;

  function next(orgId: string, lane: Lane) {
    while (lane.active < concurrency && lane.waiting.length > 0) {
      let best = 0;
      for (let index = 1; index < lane.waiting.length; index += 1) {
        const candidate = lane.waiting[index]!;
        const current = lane.waiting[best]!;
        if (
          candidate.priority < current.priority ||
          (candidate.priority === current.priority && candidate.order < current.order)
        ) {
          best = index;
        }
      }
      const [task] = lane.waiting.splice(best, 1);
      task!.start();
    }
    if (lane.active === 0 && lane.waiting.length === 0) lanes.delete(orgId);
  }

  return {
    concurrency,
    /** Lower `priority` runs first; equal ones in the order they came. */
    schedule<T>(orgId: string, priority: number, work: () => Promise<T>, signal?: AbortSignal): LaneTask<T> {
      let lane = lanes.get(orgId);
      if (!lane) {
        lane = { active: 0, waiting: [] };
        lanes.set(orgId, lane);
      }
      const own = lane;
      let entry: Waiting | null = null;
      const promise = new Promise<T>((resolve, reject) => {
        const run = () => {
          own.active += 1;
          work()
            .then(resolve, reject)
            .finally(() => {
              own.active -= 1;
              next(orgId, own);
            });
        };
        if (signal?.aborted) {
          reject(new WorkCancelled());
          return;
        }
        const onAbort = () => entry?.cancel();
        entry = {
          priority,
          order: order++,
          start() {
            entry = null;
            signal?.removeEventListener('abort', onAbort);
            run();
          },
          cancel() {
            const index = own.waiting.indexOf(this);
            if (index < 0) return;
            own.waiting.splice(index, 1);
            entry = null;
            reject(new WorkCancelled());
            next(orgId, own);
          },
          release() {
            signal?.removeEventListener('abort', onAbort);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        own.waiting.push(entry);
        next(orgId, own);
      });
      return {
        promise,
        claim(urgency) {
          if (!entry) return;
          entry.release();
          entry.priority = Math.min(entry.priority, urgency);
        },
      };
    },
  };
}

export type OrgLanes = ReturnType<typeof createOrgLanes>;
