import { render, screen } from '@testing-library/react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { remarkLiteralHtml } from '../lib/literal-html';
import { MarkdownAnswer } from './markdown-answer';

/**
 * What a single react-markdown parse of the whole answer puts in the page: the reference every path must
 * match. Only the line breaks a whole parse keeps between block elements are dropped, as they show nothing.
 */
function wholeParse(text: string): string {
  const { container, unmount } = render(
    <div className="answer-text">
      <Markdown remarkPlugins={[remarkGfm, remarkLiteralHtml]}>{text}</Markdown>
    </div>,
  );
  const html = container.innerHTML;
  unmount();
  return withoutBreaksBetweenTags(html);
}

const withoutBreaksBetweenTags = (html: string) => html.replace(/(?<=>)\n(?=<)/g, '');

const ANSWERS = {
  shaped: [
    'I read this as **average cost by surgeon**, 1,204 cases.\n\n',
    '- Dr. Ana Diaz: **$12,345** (81 cases)\n- Dr. Wei Chen: $11,002 (64 cases)\n\n',
    '| Surgeon | Cost | Cases |\n| --- | ---: | --- |\n| Ana Diaz | $12,345 | 81 |\n| *Wei* Chen | $11,002 | 64 |\n\n',
    'Done, ~~maybe~~ see https://example.org.',
  ].join(''),
  looseList: '1. first\n\n2. second\n\n   more of the second\n\n3. third\n\nAfter the list.\n',
  nested: '- a\n\n  - inner\n\n        indented code in a list\n\n- b\n\n> quoted\n\n> again\n',
  code: 'Intro\n\n```sql\nSELECT 1;\n\n\nSELECT 2;\n```\n\n    indented\n\n    code\n\nEnd ~~~\n',
  html: 'Text <img src=x onerror=alert(1)> inline\n\n<div onclick="x()">\n\nblock</div>\n\n<!--\n\ncomment\n\n-->\n',
  definitions:
    'See [the guide][guide] and a note[^1].\n\n[guide]: https://example.org/guide\n\n[^1]: The note.\n',
  links: '[safe](https://example.org) [unsafe](javascript:alert(1)) ![pic](data:text/html,x)\n',
  crlf: 'One\r\n\r\nTwo **b**\r\n',
};

describe('MarkdownAnswer matches one whole parse', () => {
  for (const [name, text] of Object.entries(ANSWERS)) {
    it(`renders the ${name} answer as react-markdown renders it whole`, () => {
      const { container } = render(<MarkdownAnswer content={text} />);
      expect(withoutBreaksBetweenTags(container.innerHTML)).toBe(wholeParse(text));
    });

    it(`ends the ${name} answer, streamed in uneven deltas, as the whole parse`, () => {
      const { container, rerender } = render(<MarkdownAnswer content="" isStreaming />);
      for (let end = 0; end < text.length; end += 1 + (end % 7)) {
        rerender(<MarkdownAnswer content={text.slice(0, end)} isStreaming />);
      }
      rerender(<MarkdownAnswer content={text} isStreaming />);
      rerender(<MarkdownAnswer content={text} isStreaming={false} />);
      expect(withoutBreaksBetweenTags(container.innerHTML)).toBe(wholeParse(text));
    });
  }
});

describe('MarkdownAnswer while streaming', () => {
  it('shows the line still being written as text and the finished lines as markdown', () => {
    const { container } = render(<MarkdownAnswer content={'- **one**\n- **tw'} isStreaming />);
    expect(container.querySelector('li strong')?.textContent).toBe('one');
    expect(container.querySelector('.answer-open-line')?.textContent).toBe('- **tw');
  });

  it('never renders raw HTML, finished or not', () => {
    const attack =
      'Look <img src=x onerror=alert(1)>\n<script>alert(2)</script>\n<img src=y onerror=alert(3)>';
    for (let end = 1; end <= attack.length; end += 1) {
      const { container, unmount } = render(<MarkdownAnswer content={attack.slice(0, end)} isStreaming />);
      expect(container.querySelector('img, script')).toBeNull();
      unmount();
    }
  });

  it('turns unsafe link protocols into empty links', () => {
    const { container } = render(
      <MarkdownAnswer content="[x](javascript:alert(1)) [y](https://example.org)" />,
    );
    const links = [...container.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(['', 'https://example.org']);
  });
});

describe('MarkdownAnswer', () => {
  it('renders markdown with tables, and raw HTML as text', () => {
    const { container } = render(
      <MarkdownAnswer content={'**Bold** <img src=x onerror=alert(1)>\n\n| a |\n| --- |\n| 1 |\n'} />,
    );
    expect(screen.getByText('Bold').tagName).toBe('STRONG');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(screen.getByRole('table')).toBeInTheDocument();
  });
});
