import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { IntegrationExamples as Examples } from '../examples/build-examples';
import { CodeBlock } from './code-block';

const TABS = [
  { id: 'curl', label: 'curl' },
  { id: 'javascript', label: 'JavaScript (fetch)' },
  { id: 'python', label: 'Python (requests)' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const NEXT: Record<string, (index: number) => number> = {
  ArrowRight: (index) => (index + 1) % TABS.length,
  ArrowLeft: (index) => (index - 1 + TABS.length) % TABS.length,
  Home: () => 0,
  End: () => TABS.length - 1,
};

export function IntegrationExamples({ examples }: { examples: Examples }) {
  const baseId = useId();
  const [active, setActive] = useState<TabId>('curl');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const move = NEXT[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(index);
    setActive(TABS[next]!.id);
    tabs.current[next]?.focus();
  };

  return (
    <section className="settings-section" aria-labelledby="examples-title">
      <h2 id="examples-title">Examples</h2>
      <p>
        Upload a file and ask a question against <code>{examples.apiBase}</code>. The examples read the key
        from the <code>HPX_API_KEY</code> environment variable, upload <code>report.csv</code> from the
        current folder, and the curl steps also need <code>jq</code>.
      </p>
      <div role="tablist" aria-label="Example language" className="tabs">
        {TABS.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-${tab.id}-tab`}
            aria-controls={`${baseId}-${tab.id}-panel`}
            aria-selected={active === tab.id}
            tabIndex={active === tab.id ? 0 : -1}
            onClick={() => setActive(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {TABS.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${baseId}-${tab.id}-panel`}
          aria-labelledby={`${baseId}-${tab.id}-tab`}
          hidden={active !== tab.id}
          className="tab-panel"
        >
          {tab.id === 'curl' && (
            <ol className="example-steps">
              {examples.curl.map((step) => (
                <li key={step.id} className="example-step" data-step={step.id}>
                  <CodeBlock
                    title={step.title}
                    description={step.description}
                    language="bash"
                    code={step.code}
                  />
                </li>
              ))}
            </ol>
          )}
          {tab.id === 'javascript' && (
            <CodeBlock title="upload.mjs" language="javascript" code={examples.javascript} />
          )}
          {tab.id === 'python' && <CodeBlock title="upload.py" language="python" code={examples.python} />}
        </div>
      ))}
    </section>
  );
}
