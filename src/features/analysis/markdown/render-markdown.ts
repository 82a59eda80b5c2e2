import type { Nodes as HastNodes } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { defaultUrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkLiteralHtml } from '../lib/literal-html';

/**
 * Built once: react-markdown builds and freezes a new processor (and re-runs every plugin's setup) on each
 * render, which the streaming bench paid once per parsed block. Raw HTML becomes text before remark-rehype,
 * which is left without `allowDangerousHtml` so nothing raw can reach the page even if that plugin missed it.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkLiteralHtml).use(remarkRehype).freeze();

/** The same URL rule react-markdown applies: `javascript:` and other unsafe protocols become empty links. */
function makeUrlsSafe(node: HastNodes) {
  if (node.type === 'element') {
    for (const name of ['href', 'src'] as const) {
      const value = node.properties[name];
      if (value !== undefined && value !== null) node.properties[name] = defaultUrlTransform(String(value));
    }
  }
  if ('children' in node) for (const child of node.children) makeUrlsSafe(child);
}

/** Markdown (GFM, no raw HTML) to React elements, as react-markdown with `remark-gfm` renders it. */
export function renderMarkdown(text: string): ReactNode {
  const tree = processor.runSync(processor.parse(text));
  makeUrlsSafe(tree);
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, passKeys: true, ignoreInvalidStyle: true });
}
