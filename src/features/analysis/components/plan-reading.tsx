import { memo } from 'react';
import type { PlanBlock } from '../../../contract/agent';
import { formatDay } from '../../../lib/format-date';

/** Whether the written answer already opens with how the question was read. */
export const statesReading = (content: string) => /^I read this as\b/.test(content.trimStart());

/** What the question was understood as, and which admit dates it covered: a wrong reading shows at once. */
export const PlanReading = memo(function PlanReading({
  plans,
}: {
  plans: Pick<PlanBlock, 'block_id' | 'reading' | 'dates'>[];
}) {
  if (!plans.length) return null;
  return (
    <div className="plan-reading">
      {plans.map((plan) => (
        <p key={plan.block_id}>
          <span className="provenance-label">Read as</span> {plan.reading}
          {plan.dates && (
            <>
              {' '}
              <span className="plan-dates">
                (admitted {formatDay(plan.dates.from)} – {formatDay(plan.dates.to)})
              </span>
            </>
          )}
        </p>
      ))}
    </div>
  );
});
