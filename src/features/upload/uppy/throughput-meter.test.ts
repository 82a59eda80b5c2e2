import { describe, expect, it } from 'vitest';
import { ThroughputMeter } from './throughput-meter';

describe('ThroughputMeter', () => {
  it('measures the last seconds only, so an old stall or a burst is forgotten', () => {
    let now = 0;
    const meter = new ThroughputMeter(3000, () => now);
    meter.record(0);
    expect(meter.bytesPerSecond()).toBeNull();
    // 1 MB/s for 10 s, then 4 MB/s for 5 s.
    for (let second = 1; second <= 10; second += 1) {
      now = second * 1000;
      meter.record(second * 1e6);
    }
    expect(meter.bytesPerSecond()).toBeCloseTo(1e6, -3);
    for (let second = 11; second <= 15; second += 1) {
      now = second * 1000;
      meter.record(10e6 + (second - 10) * 4e6);
    }
    expect(meter.bytesPerSecond()).toBeCloseTo(4e6, -3);
  });

  it('starts over after a reset', () => {
    let now = 0;
    const meter = new ThroughputMeter(3000, () => now);
    meter.record(0);
    now = 1000;
    meter.record(5e6);
    meter.reset();
    meter.record(5e6);
    expect(meter.bytesPerSecond()).toBeNull();
  });
});
