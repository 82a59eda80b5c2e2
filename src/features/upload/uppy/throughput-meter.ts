/**
 * Bytes per second over the last few seconds, from cumulative progress samples. Recent on purpose: the
 * part sizer follows the link as it changes, and the time-left estimate must not remember a stall (or the
 * minutes a paused or reloaded upload sat still) once bytes flow again.
 */
export class ThroughputMeter {
  private samples: { at: number; bytes: number }[] = [];

  constructor(
    private readonly windowMs = 3000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** `bytes` is everything this upload has sent so far, including parts still in flight. */
  record(bytes: number): void {
    const at = this.now();
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - this.windowMs) this.samples.shift();
  }

  /** Forget the past: after a pause, a reload or a failed part the old samples describe another moment. */
  reset(): void {
    this.samples = [];
  }

  /**
   * Null until half a second of samples: enough to size the next part (growth is bounded per part anyway),
   * and short, so a fast link leaves the 5 MiB starting parts after a fraction of a second.
   */
  bytesPerSecond(): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.at - first.at < Math.min(500, this.windowMs / 2)) return null;
    return Math.max(0, ((last.bytes - first.bytes) * 1000) / (last.at - first.at));
  }
}
