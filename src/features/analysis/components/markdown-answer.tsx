import { memo, useEffect, useMemo, useRef, useState } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { remarkLiteralHtml } from '../lib/literal-html';
import { splitMarkdownBlocks } from '../lib/markdown-blocks';

const PLUGINS = [remarkGfm, remarkLiteralHtml];

/**
 * How often the growing last block is re-parsed while the answer streams. Parsing one block costs 1–4 ms
 * (a GFM table the most); doing it on every frame took the p95 frame past its budget in the bench.
 */
const TAIL_INTERVAL_MS = 100;

/** One block, parsed only when its own text changes: completed blocks never re-parse as the answer grows. */
const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  return <Markdown remarkPlugins={PLUGINS}>{text}</Markdown>;
});

/** The growing last block, caught up at most every TAIL_INTERVAL_MS while streaming, at once otherwise. */
function useThrottledTail(tail: string, isStreaming: boolean): string {
  const [shown, setShown] = useState(tail);
  const latest = useRef(tail);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = tail;
    if (!isStreaming) {
      setShown(tail);
      return;
    }
    timer.current ??= setTimeout(() => {
      timer.current = null;
      setShown(latest.current);
    }, TAIL_INTERVAL_MS);
  }, [tail, isStreaming]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  // A new block started: the previous tail is complete and shown in full by the completed blocks.
  return isStreaming && tail.startsWith(shown) ? shown : tail;
}

export function MarkdownAnswer({ content, isStreaming = false }: { content: string; isStreaming?: boolean }) {
  const blocks = useMemo(() => splitMarkdownBlocks(content), [content]);
  const tail = useThrottledTail(blocks.at(-1) ?? '', isStreaming);
  if (!content) return null;
  return (
    <div className="answer-text">
      {blocks.slice(0, -1).map((block, index) => (
        // Blocks only ever grow at the end, so the index is a stable identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <MarkdownBlock key={index} text={block} />
      ))}
      {tail && <MarkdownBlock key={blocks.length - 1} text={tail} />}
    </div>
  );
}
