/**
 * Splits the written answer into the pieces the stream sends: a few words each, cut after a space so a
 * piece never splits a word or a markdown marker in two.
 */
export function textPieces(text: string, size = 48): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      const newline = text.lastIndexOf('\n', end);
      const cut = Math.max(space, newline);
      if (cut > start) end = cut + 1;
    }
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}
