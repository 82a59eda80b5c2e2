// The answer the rendering bench streams, and the scripted run that carries it.

export const DELTAS = 300;
export const ANSWER_CHARACTERS = 8_000;

/** A long answer shaped like the real ones: paragraphs, lists with bold figures, a GFM table. */
export function longAnswer(): string {
  const parts: string[] = [];
  for (let section = 1; parts.join('').length < ANSWER_CHARACTERS; section += 1) {
    parts.push(
      `I read this as **average cost of section ${section} by surgeon**, 1 Jul 2025 – 30 Jun 2026, 1,204 cases.\n\n`,
    );
    parts.push(
      `- Dr. Ana Diaz: **$12,${section}45** (81 cases)\n- Dr. Wei Chen: $11,${section}02 (64 cases)\n\n`,
    );
    parts.push(
      `| Surgeon | Cost | Cases |\n| --- | --- | --- |\n| Ana Diaz | $12,345 | 81 |\n| Wei Chen | $11,002 | 64 |\n\n`,
    );
  }
  return parts.join('').slice(0, ANSWER_CHARACTERS);
}

const frame = (id: number, event: string, data: object) =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * A scripted run: steps, a table and chart, then, once `isReady` settles (the bench is tracing), the answer in
 * `pieces` deltas, one every `gapMs`.
 */
export function scriptedStream(
  pieces: number,
  gapMs: number,
  isReady: Promise<void>,
  onSent: () => void,
): Response {
  const text = longAnswer();
  const size = Math.ceil(text.length / pieces);
  const rows = Array.from({ length: 20 }, (_, index) => ({
    value: `Surgeon ${index}`,
    figure: 10_000 + index * 137,
  }));
  const head = [
    frame(1, 'run.started', {
      run_id: 'run_bench',
      conversation_id: 'cnv_bench',
      message_id: 'msg_bench',
      question: 'bench',
    }),
    frame(2, 'step.started', { step_id: 'step_1', kind: 'resolve', label: 'Reading the question' }),
    frame(3, 'step.completed', { step_id: 'step_1', label: 'Reading the question', duration_ms: 2 }),
    frame(4, 'table', {
      block_id: 'table_1',
      title: 'Average cost by surgeon',
      columns: [
        { key: 'value', label: 'Surgeon', type: 'string' },
        { key: 'figure', label: 'Average cost', type: 'currency', unit: 'USD' },
      ],
      rows,
      row_count: rows.length,
      truncated: false,
    }),
    frame(5, 'chart', {
      block_id: 'chart_1',
      title: 'Average cost by surgeon',
      kind: 'bar',
      table_block_id: 'table_1',
      x: 'value',
      y: ['figure'],
    }),
  ];
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const part of head) controller.enqueue(encoder.encode(part));
      await isReady;
      let id = head.length;
      for (let start = 0; start < text.length; start += size) {
        id += 1;
        controller.enqueue(
          encoder.encode(frame(id, 'text.delta', { delta: text.slice(start, start + size) })),
        );
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
      controller.enqueue(
        encoder.encode(frame(id + 1, 'run.completed', { run_id: 'run_bench', duration_ms: 1 })),
      );
      controller.close();
      onSent();
    },
  });
  return new Response(body, {
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' },
  });
}
