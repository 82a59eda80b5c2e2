import { renderMarkdown } from './render-markdown';

/** One of each construct answers use, so each one's code is compiled before it is first needed. */
const SAMPLES = [
  'A **bold**, *emphasised*, `coded`, ~~struck~~ line with [a link](https://example.org) and https://example.org.\n',
  '- an item\n- another **item**\n\n1. first\n2. second\n',
  '| Surgeon | Cost |\n| --- | ---: |\n| Ana Diaz | $12,345 |\n',
  '> quoted\n\n```sql\nSELECT 1;\n```\n\n# Heading\n\n---\n',
];

let isWarm = false;

/**
 * V8 compiles the parser's code on first use, and the first list or table an answer streams paid 10–60 ms for
 * it in the bench: a long task mid-stream. Parsing one small sample per idle moment pays that up front, in
 * pieces short enough not to be long tasks themselves.
 */
export function warmMarkdownParser() {
  if (isWarm) return;
  isWarm = true;
  const whenIdle = (work: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(work) : setTimeout(work, 50);
  const warm = (index: number) => {
    const sample = SAMPLES[index];
    if (sample === undefined) return;
    whenIdle(() => {
      renderMarkdown(sample);
      warm(index + 1);
    });
  };
  warm(0);
}
