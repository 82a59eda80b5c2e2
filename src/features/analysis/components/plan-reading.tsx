import { memo } from 'react';
import type { PlanBlock } from '../../../contract/agent';

const day = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateOf = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : day.format(date);
};

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
                (admitted {dateOf(plan.dates.from)} – {dateOf(plan.dates.to)})
              </span>
            </>
          )}
        </p>
      ))}
    </div>
  );
});
