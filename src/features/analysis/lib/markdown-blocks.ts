const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^\s*([-*+]|\d{1,9}[.)])(\s|$)/;
/** The start of a line still being written that may yet turn into a list item. */
const MAY_BE_LIST_ITEM = /^([-*+]|\d{1,9}[.)]?)?$/;
/**
 * What makes one block's rendering depend on another's: link and footnote definitions, and the HTML blocks
 * that run across blank lines (CommonMark kinds 1–5).
 */
const CROSS_BLOCK =
  /^ {0,3}(\[[^\]\n]+\]:|<(script|pre|style|textarea)(\s|>|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)/im;

/**
 * Splits markdown into top-level blocks at blank lines outside fenced code, but not before a line that may
 * continue the block above (a loose list's next item, an indented continuation), so rendering the blocks one
 * by one gives what rendering the whole text gives. Every block but the last is complete and never changes
 * again, so it is parsed once; only the last one grows as deltas arrive.
 */
export function splitMarkdownBlocks(text: string): string[] {
  return scanBlocks(text, 0).blocks;
}

/** Blocks from `from`, a block start, and where the last one starts: a block starts outside fences with nothing pending. */
function scanBlocks(text: string, from: number): { blocks: string[]; lastStart: number } {
  const blocks: string[] = [];
  let start = from;
  let fence: string | null = null;
  let afterBlank: number | null = null;
  let hasListItem = false;
  let lineStart = from;
  while (lineStart <= text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const isOpen = lineEnd === -1;
    const line = text.slice(lineStart, isOpen ? text.length : lineEnd);
    const isBlank = fence === null && line.trim() === '';
    if (afterBlank !== null && !isBlank) {
      // After a blank line, an indented line may continue the block above, and a list item a list above.
      const continues =
        /^\s/.test(line) ||
        (hasListItem && (LIST_ITEM.test(line) || (isOpen && MAY_BE_LIST_ITEM.test(line))));
      if (!continues) {
        if (afterBlank > start) blocks.push(text.slice(start, afterBlank));
        start = lineStart;
        hasListItem = false;
      }
      afterBlank = null;
    }
    if (fence === null && LIST_ITEM.test(line)) hasListItem = true;
    const marker = FENCE.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === null ? marker : null;
    } else if (isBlank && !isOpen) {
      afterBlank ??= lineStart;
    }
    if (isOpen) break;
    lineStart = lineEnd + 1;
  }
  if (start < text.length) blocks.push(text.slice(start));
  return { blocks, lastStart: start };
}

/** The blocks of `text`; those in `settled`, before `lastStart`, stay as they are whatever text is appended. */
export interface BlockSplit {
  text: string;
  blocks: string[];
  settled: string[];
  lastStart: number;
}

/**
 * The blocks of `text`, rescanning only from the last block's start when `text` extends the text split before,
 * so a streamed answer costs a scan of its last block per frame rather than of the whole answer.
 */
export function extendBlockSplit(previous: BlockSplit | null, text: string): BlockSplit {
  const isAppend = previous !== null && text.startsWith(previous.text);
  const settled = isAppend ? previous.settled : [];
  const { blocks, lastStart } = scanBlocks(text, isAppend ? previous.lastStart : 0);
  const isLastOpen = blocks.length > 0 && lastStart < text.length;
  return {
    text,
    settled: [...settled, ...(isLastOpen ? blocks.slice(0, -1) : blocks)],
    lastStart,
    blocks: [...settled, ...blocks],
  };
}

/** Whether the text must be rendered in one piece to render as a whole-text parse would. */
export function needsWholeParse(text: string): boolean {
  return CROSS_BLOCK.test(text);
}

/**
 * A block cut after its last line break: the finished lines, and the line still being written. Trailing blank
 * lines are left off the finished ones, so they match the block as it reads once the next one starts.
 */
export function splitOpenLine(block: string): { closed: string; open: string } {
  const end = block.lastIndexOf('\n') + 1;
  return { closed: block.slice(0, end).replace(/(\n[ \t]*)+\n$/, '\n'), open: block.slice(end) };
}
