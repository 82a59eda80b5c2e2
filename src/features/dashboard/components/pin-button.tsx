import '../dashboard.css';
import { Link } from 'react-router';
import type { PlanBlock } from '../../../contract/agent';
import { useCreatePin } from '../api/pins';

interface Props {
  question: string;
  plan: PlanBlock;
}

/** Workflows whose answers a card can run again (a name lookup has no figures); the server says the same. */
const PINNABLE = new Set<string>(['analytics', 'dashboard', 'predictions', 'simulation']);

/** "Pin to dashboard" under an answer: keeps the question, its typed plan and the reading. */
export function PinButton({ question, plan }: Props) {
  const create = useCreatePin();
  if (!PINNABLE.has(plan.workflow)) return null;
  if (create.isSuccess) {
    return (
      <p className="pin-done small" role="status">
        Pinned. <Link to="/">Open the dashboard</Link>
      </p>
    );
  }
  return (
    <div className="pin-action">
      <button
        type="button"
        className="button small"
        disabled={create.isPending}
        onClick={() =>
          create.mutate({ question, reading: plan.reading, workflow: plan.workflow, plan: plan.plan })
        }
      >
        {create.isPending ? 'Pinning…' : 'Pin to dashboard'}
      </button>
      {create.isError && (
        <span className="small pin-error" role="alert">
          {create.error.message}
        </span>
      )}
    </div>
  );
}
