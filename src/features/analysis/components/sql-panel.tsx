import { memo } from 'react';
import { CopyButton } from '../../../components/copy-button';
import type { QueryBlock } from '../../../contract/agent';

/** What ran, for provenance: collapsed by default, one copy for all statements. */
export const SqlPanel = memo(function SqlPanel({ queries }: { queries: QueryBlock[] }) {
  if (!queries.length) return null;
  const text = queries.map((query) => `${query.text.trim()};`).join('\n\n');
  return (
    <details className="sql-panel">
      <summary>
        SQL that ran ({queries.length} {queries.length === 1 ? 'statement' : 'statements'})
      </summary>
      <div className="sql-actions">
        <CopyButton text={text} label="Copy SQL" />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <pre tabIndex={0}>
        <code>{text}</code>
      </pre>
    </details>
  );
});
