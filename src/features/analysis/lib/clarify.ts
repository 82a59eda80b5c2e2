const normalise = (word: string) => word.toLowerCase().replace(/\./g, '');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The question asked again with the chosen name in place of the words that matched several things. Words just
 * before them that the name starts with ("Dr." before "Patel" for "Dr. Anil Patel") are replaced too, so each
 * option is named once. Words not found in the question are answered by adding the name at the end.
 */
export function reaskWith(question: string, text: string, name: string): string {
  const match = text.trim() ? new RegExp(escapeRegExp(text.trim()), 'i').exec(question) : null;
  if (!match) return `${question.trim()} (${name})`;
  let before = question.slice(0, match.index);
  const after = question.slice(match.index + match[0].length);
  const nameWords = name.split(/\s+/).slice(0, -1);
  for (let count = Math.min(3, nameWords.length); count > 0; count -= 1) {
    const lead = nameWords.slice(0, count).map(normalise).join(' ');
    const tail = new RegExp(`(^|\\s)(${'\\S+\\s+'.repeat(count)})$`).exec(before);
    if (tail?.[2] && tail[2].trim().split(/\s+/).map(normalise).join(' ') === lead) {
      before = before.slice(0, before.length - tail[2].length);
      break;
    }
  }
  return `${before}${name}${after}`;
}
