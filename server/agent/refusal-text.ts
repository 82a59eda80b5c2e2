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
  // Each option is named once: a surgeon's or payor's id is its name, so only a code is added beside it.
  const options = outcome.options.slice(0, 5).map((option) => {
    const kind = KIND_WORDS[option.kind] ?? option.kind;
    const code = option.id !== option.name ? ` ${escapeMarkdown(option.id)}` : '';
    const cases = option.cases !== undefined ? `, ${option.cases.toLocaleString('en-US')} cases` : '';
    return `- ${escapeMarkdown(option.name)} (${kind}${code}${cases})`;
  });
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

const TITLE = /^(?:dr\.?|doctor)\s+/i;

/** The question asked again with the option's name in place of the words that matched several things; a title
 *  the question already has before them is not doubled ("Dr. Chen" → "Dr. Wei Chen", never "Dr. Dr. Wei Chen"). */
export function askAgainWith(question: string, text: string, name: string): string {
  const at = question.toLowerCase().indexOf(text.toLowerCase());
  if (at < 0 || !text) return `${question} (${name})`;
  let head = question.slice(0, at);
  const titled = TITLE.test(name);
  if (titled) head = head.replace(/(?:dr\.?|doctor)\s*$/i, '');
  return `${head}${name}${question.slice(at + text.length)}`;
}

/** Chips that answer the clarifying question, or a refusal's examples. */
export function suggestionsFor(outcome: Clarify | Refuse, question: string): string[] {
  if (outcome.kind === 'refuse') return outcome.examples.slice(0, 4);
  return outcome.options.slice(0, 4).map((option) => askAgainWith(question, outcome.text, option.name));
}
