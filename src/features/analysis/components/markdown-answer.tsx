import { memo, useEffect, useMemo, useRef } from 'react';
import { type BlockSplit, extendBlockSplit, needsWholeParse, splitOpenLine } from '../lib/markdown-blocks';
import { renderCachedBlock } from '../markdown/block-cache';
import { warmMarkdownParser } from '../markdown/warm-up';

/**
 * One block. A finished one is parsed once per distinct text and its elements reused as they are. While the
 * block grows, its finished lines are parsed when a line ends, not on every frame, and the line still being
 * written shows as plain text, as half a line of markdown (`**bold`, `| a |`) is not yet what it will mean.
 * Both render the same shape, so a block that finishes as its last line ends changes nothing on the page.
 */
const AnswerBlock = memo(function AnswerBlock({ text, isGrowing }: { text: string; isGrowing: boolean }) {
  const { closed, open } = isGrowing ? splitOpenLine(text) : { closed: text, open: '' };
  return (
    <>
      {closed && renderCachedBlock(closed)}
      {open && <p className="answer-open-line">{open}</p>}
    </>
  );
});

export function MarkdownAnswer({ content, isStreaming = false }: { content: string; isStreaming?: boolean }) {
  useEffect(warmMarkdownParser, []);
  const split = useRef<BlockSplit | null>(null);
  const blocks = useMemo(() => {
    if (!isStreaming && needsWholeParse(content)) return [content];
    split.current = extendBlockSplit(split.current, content);
    return split.current.blocks;
  }, [content, isStreaming]);
  if (!content) return null;
  return (
    <div className="answer-text">
      {blocks.map((block, index) => (
        // Blocks only ever grow at the end, so the index is a stable identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <AnswerBlock key={index} text={block} isGrowing={isStreaming && index === blocks.length - 1} />
      ))}
    </div>
  );
}
