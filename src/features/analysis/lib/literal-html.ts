import type { Nodes, Root } from 'mdast';

/**
 * A remark plugin that turns raw HTML into plain text: `<img src=x onerror=…>` in an answer shows as those
 * characters, never as an element, whatever the server sent.
 */
export function remarkLiteralHtml() {
  const walk = (node: Nodes) => {
    if (node.type === 'html') (node as { type: string }).type = 'text';
    if ('children' in node) node.children.forEach(walk);
  };
  return (tree: Root) => walk(tree);
}
