import { expect, it } from 'vitest';
import { parseAgentEvent, RUN_FAILURES, STEP_FAILURES } from './agent';

it('reads every failure code of the contract and no other', () => {
  for (const error of RUN_FAILURES)
    expect(parseAgentEvent(1, 'run.failed', { error, message: 'x' })?.data).toEqual({ error, message: 'x' });
  for (const error of STEP_FAILURES)
    expect(parseAgentEvent(2, 'step.failed', { step_id: 'step_1', error, message: 'x' })).not.toBeNull();
  expect(parseAgentEvent(1, 'run.failed', { error: 'RunTimedOut', message: 'x' })).toBeNull();
  expect(parseAgentEvent(2, 'step.failed', { step_id: 'step_1', error: 'stopped', message: 'x' })).toBeNull();
});
