import { useId } from 'react';
import { CopyButton } from '../../../components/copy-button';

interface CodeBlockProps {
  title: string;
  code: string;
  language: 'bash' | 'javascript' | 'python' | 'http';
  description?: string;
}

export function CodeBlock({ title, code, language, description }: CodeBlockProps) {
  const titleId = useId();
  return (
    <figure className="code-block" aria-labelledby={titleId} data-language={language}>
      <figcaption>
        <span id={titleId} className="code-title">
          {title}
        </span>
        <CopyButton text={code} label={`Copy ${title}`} />
      </figcaption>
      {description && <p className="code-description">{description}</p>}
      {/* Focusable so a keyboard can scroll a long line into view. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
