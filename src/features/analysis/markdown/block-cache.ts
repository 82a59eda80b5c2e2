import type { ReactNode } from 'react';
import { renderMarkdown } from './render-markdown';

/**
 * Enough for every block of several long answers. Reusing the same element for the same text also lets React
 * skip the whole subtree, so a finished block costs nothing on later frames or when its answer is reopened.
 */
const CAPACITY = 2_000;
const rendered = new Map<string, ReactNode>();

/** The rendered markdown for `text`, parsed once while it stays among the most recently used blocks. */
export function renderCachedBlock(text: string): ReactNode {
  const cached = rendered.get(text);
  if (cached !== undefined) {
    // Re-inserting moves the entry to the young end, so the oldest is the first key.
    rendered.delete(text);
    rendered.set(text, cached);
    return cached;
  }
  const fresh = renderMarkdown(text);
  rendered.set(text, fresh);
  if (rendered.size > CAPACITY) rendered.delete(rendered.keys().next().value!);
  return fresh;
}
