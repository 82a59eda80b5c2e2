interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/**
 * A remark plugin that turns raw HTML into plain text: `<img src=x onerror=…>` in an answer shows as those
 * characters, never as an element, whatever the server sent.
 */
export function remarkLiteralHtml() {
  const walk = (node: Node) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(walk);
  };
  return (tree: Node) => walk(tree);
}
