import type { ParseOutcome } from './parser';

type Clarify = Extract<ParseOutcome, { kind: 'clarify' }>;
type Refuse = Extract<ParseOutcome, { kind: 'refuse' }>;

const KIND_WORDS: Record<string, string> = {
  procedure: 'procedure',
  condition: 'condition',
  drg: 'DRG',
  surgeon: 'surgeon',
  payor: 'payor',
  provider: 'provider',
  client: 'client',
};

/** Markdown text is escaped wherever a value from the data lands in it, so a name can never become markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]#|<>~]/g, (character) => `\\${character}`);
}

export function clarificationText(outcome: Clarify): string {
  const options = outcome.options
    .slice(0, 5)
    .map(
      (option) =>
        `- ${escapeMarkdown(option.name)} (${KIND_WORDS[option.kind] ?? option.kind} ${escapeMarkdown(option.id)})`,
    );
  const question = outcome.message.includes('?') ? [] : ['', 'Which one did you mean?'];
  return [escapeMarkdown(outcome.message), ...question, '', ...options, ''].join('\n');
}

export function refusalText(message: string, examples: string[]): string {
  const lines = [escapeMarkdown(message)];
  if (examples.length) {
    lines.push(
      '',
      'Questions I can answer, for example:',
      '',
      ...examples.slice(0, 5).map((example) => `- ${escapeMarkdown(example)}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Chips that answer the clarifying question: the same question with the matched words replaced by each option. */
export function suggestionsFor(outcome: Clarify | Refuse, question: string): string[] {
  if (outcome.kind === 'refuse') return outcome.examples.slice(0, 4);
  const at = question.toLowerCase().indexOf(outcome.text.toLowerCase());
  return outcome.options
    .slice(0, 4)
    .map((option) =>
      at >= 0 && outcome.text
        ? `${question.slice(0, at)}${option.name}${question.slice(at + outcome.text.length)}`
        : `${question} (${option.name})`,
    );
}
