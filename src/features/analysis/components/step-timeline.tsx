import { memo } from 'react';
import type { StepBlock } from '../../../contract/agent';

const STATUS_WORDS = { running: 'Running', done: 'Done', failed: 'Failed' } as const;

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** The run's steps as they happen: running, then done with the time it took, or failed with the reason. */
export const StepTimeline = memo(function StepTimeline({ steps }: { steps: StepBlock[] }) {
  if (!steps.length) return null;
  return (
    <ol className="step-timeline" aria-label="Steps">
      {steps.map((step) => (
        <li key={step.step_id} className={`step step-${step.status}`} data-status={step.status}>
          <span className="step-icon" aria-hidden="true" />
          <span className="step-label">{step.label}</span>
          <span className="visually-hidden">: {STATUS_WORDS[step.status]}</span>
          {step.status === 'done' && step.duration_ms !== undefined && (
            <span className="step-duration muted">{seconds(step.duration_ms)}</span>
          )}
          {step.detail && <span className="step-detail muted">{step.detail}</span>}
          {step.status === 'failed' && step.message && <span className="step-error">{step.message}</span>}
        </li>
      ))}
    </ol>
  );
});
