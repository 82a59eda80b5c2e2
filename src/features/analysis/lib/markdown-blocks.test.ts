import { describe, expect, it } from 'vitest';
import { extendBlockSplit, needsWholeParse, splitMarkdownBlocks, splitOpenLine } from './markdown-blocks';

describe('splitMarkdownBlocks across blank lines that do not end a block', () => {
  it('keeps a loose list and its indented continuations in one block, and splits after it', () => {
    const text = 'Intro\n\n1. one\n\n2. two\n\n   more\n\nAfter.\n';
    expect(splitMarkdownBlocks(text)).toEqual(['Intro\n', '1. one\n\n2. two\n\n   more\n', 'After.\n']);
  });

  it('waits to split until the next line shows whether it continues the list', () => {
    expect(splitMarkdownBlocks('- a\n\n1')).toEqual(['- a\n\n1']);
    expect(splitMarkdownBlocks('- a\n\n1,204 cases')).toEqual(['- a\n', '1,204 cases']);
    expect(splitMarkdownBlocks('- a\n\n- b')).toEqual(['- a\n\n- b']);
  });
});

describe('extendBlockSplit', () => {
  it('gives, for every prefix of a streamed answer, the blocks a fresh split gives', () => {
    const full =
      'One.\n\n- a\n\n- b\n\n  more\n\n```\nx\n\ny\n```\n\n| a |\n| - |\n| 1 |\n\n2. two\n\nEnd.\n\n';
    let split = null;
    for (let end = 0; end <= full.length; end += 1) {
      split = extendBlockSplit(split, full.slice(0, end));
      expect(split.blocks).toEqual(splitMarkdownBlocks(full.slice(0, end)));
    }
    expect(extendBlockSplit(split, 'Other.\n\nText').blocks).toEqual(['Other.\n', 'Text']);
  });
});

describe('needsWholeParse and splitOpenLine', () => {
  it('asks for one parse when a definition or a multi-paragraph HTML block ties blocks together', () => {
    expect(needsWholeParse('See [x].\n\n[x]: https://example.org')).toBe(true);
    expect(needsWholeParse('A note[^1].\n\n[^1]: Note.')).toBe(true);
    expect(needsWholeParse('<!--\n\nhidden\n\n-->')).toBe(true);
    expect(needsWholeParse('| a |\n| - |\n\n- [ ] task, [link](https://example.org)')).toBe(false);
  });

  it('cuts the line still being written off the finished ones, without trailing blank lines', () => {
    expect(splitOpenLine('- a\n- b')).toEqual({ closed: '- a\n', open: '- b' });
    expect(splitOpenLine('Para\n\n')).toEqual({ closed: 'Para\n', open: '' });
    expect(splitOpenLine('Par')).toEqual({ closed: '', open: 'Par' });
  });
});

describe('splitMarkdownBlocks', () => {
  it('splits at blank lines and rejoins to the same blocks', () => {
    const text = 'I read this as **x**.\n\nOn average: $1.\n\n- a\n- b\n';
    expect(splitMarkdownBlocks(text)).toEqual(['I read this as **x**.\n', 'On average: $1.\n', '- a\n- b\n']);
  });

  it('keeps a fenced block whole, blank lines included, and an unfinished last block as it is', () => {
    const text = 'Intro\n\n```sql\nSELECT 1;\n\nSELECT 2;\n```\n\nLast par';
    expect(splitMarkdownBlocks(text)).toEqual([
      'Intro\n',
      '```sql\nSELECT 1;\n\nSELECT 2;\n```\n',
      'Last par',
    ]);
  });

  it('yields blocks whose earlier members never change as text is appended', () => {
    const full = 'One.\n\nTwo **bold**.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\nEnd.';
    let previous: string[] = [];
    for (let end = 1; end <= full.length; end += 1) {
      const blocks = splitMarkdownBlocks(full.slice(0, end));
      expect(blocks.slice(0, previous.length - 1)).toEqual(previous.slice(0, -1));
      previous = blocks;
    }
  });
});
