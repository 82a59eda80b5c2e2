// Reads a Chromium performance trace into scripting time per frame and the longest task.

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Time the thread was on a CPU: on a busy machine, wall time also counts the waits for one. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface Trace {
  traceEvents: TraceEvent[];
}

const SCRIPTING = new Set([
  'FunctionCall',
  'FireAnimationFrame',
  'TimerFire',
  'EventDispatch',
  'RunMicrotasks',
  'EvaluateScript',
  'v8.callFunction',
]);

export const percentile = (values: number[], fraction: number) =>
  [...values].sort((left, right) => left - right)[
    Math.min(values.length - 1, Math.floor(fraction * values.length))
  ] ?? 0;

export interface FrameCosts {
  /** Scripting per 16.7 ms frame, wall clock. */
  perFrameMs: number[];
  /** The same, in the main thread's CPU time. */
  perFrameCpuMs: number[];
  longestTaskMs: number;
  longestTaskCpuMs: number;
}

/** Scripting time per 16.7 ms frame (top-level scripting slices only, so nested ones count once) and the longest task. */
export function frameCosts(trace: Trace): FrameCosts {
  const mains = trace.traceEvents.filter(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  const scripting = (event: TraceEvent) =>
    event.ph === 'X' && event.dur !== undefined && SCRIPTING.has(event.name);
  const busiest = mains
    .map((main) => ({
      main,
      count: trace.traceEvents.filter(
        (event) => event.pid === main.pid && event.tid === main.tid && scripting(event),
      ).length,
    }))
    .sort((left, right) => right.count - left.count)[0]?.main;
  if (!busiest) return { perFrameMs: [], perFrameCpuMs: [], longestTaskMs: 0, longestTaskCpuMs: 0 };
  const onMain = trace.traceEvents.filter(
    (event) => event.pid === busiest.pid && event.tid === busiest.tid && event.dur !== undefined,
  );
  const slices = onMain.filter(scripting).sort((left, right) => left.ts - right.ts);
  const frames = new Map<number, { wall: number; cpu: number }>();
  let coveredUntil = 0;
  for (const slice of slices) {
    const end = slice.ts + slice.dur!;
    if (end <= coveredUntil) continue;
    const start = Math.max(slice.ts, coveredUntil);
    const share = slice.dur! > 0 ? (end - start) / slice.dur! : 1;
    const bucket = Math.floor(start / 16_667);
    const frame = frames.get(bucket) ?? { wall: 0, cpu: 0 };
    frame.wall += (end - start) / 1000;
    frame.cpu += ((slice.tdur ?? slice.dur!) * share) / 1000;
    frames.set(bucket, frame);
    coveredUntil = end;
  }
  const tasks = onMain.filter(
    (event) => event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask',
  );
  return {
    perFrameMs: [...frames.values()].map((frame) => frame.wall),
    perFrameCpuMs: [...frames.values()].map((frame) => frame.cpu),
    longestTaskMs: Math.max(0, ...tasks.map((task) => task.dur! / 1000)),
    longestTaskCpuMs: Math.max(0, ...tasks.map((task) => (task.tdur ?? task.dur!) / 1000)),
  };
}
