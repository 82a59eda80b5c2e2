// Cutting the leftover text into pieces that each may name one entity.
import type { EntityKind } from '../../cases/types';
import { stripFiller } from './filler';

/** A piece of leftover text with the preposition that introduced it ("with", "for", …). */
export interface Piece {
  lead: string;
  text: string;
  /** Kinds a keyword before the name allowed ("Dr." → surgeon, "DRG" → drg). */
  kinds?: EntityKind[];
}

const PREPOSITIONS = new Set(
  'for at with in of on about from to under among within by per involving having without whose who'.split(
    ' ',
  ),
);
const TITLES = /^(?:dr\.?|doctor)$/i;
const JOINERS = new Set(['and', 'or', '&', 'vs', 'versus', 'plus']);

/** Splits leftover segments at prepositions, remembering which preposition led each piece. */
export function splitPieces(segments: string[]): Piece[] {
  const pieces: Piece[] = [];
  for (const segment of segments) {
    let current: Piece = { lead: '', text: '' };
    for (const word of segment.split(/\s+/)) {
      if (PREPOSITIONS.has(word.toLowerCase())) {
        pieces.push(current);
        current = { lead: word.toLowerCase(), text: '' };
      } else if (TITLES.test(word)) {
        // "hip replacements did Dr. Patel do": a title starts a name of its own.
        pieces.push(current);
        current = { lead: current.lead, text: word };
      } else {
        current.text = current.text ? `${current.text} ${word}` : word;
      }
    }
    pieces.push(current);
  }
  return pieces
    .map((piece) => ({ lead: piece.lead, text: trimJoiners(stripFiller(piece.text)) }))
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece.text));
}

export function trimJoiners(text: string): string {
  const words = text.split(' ');
  while (words.length > 0 && JOINERS.has(words[0]!.toLowerCase())) words.shift();
  while (words.length > 0 && JOINERS.has(words[words.length - 1]!.toLowerCase())) words.pop();
  return words.join(' ');
}

/** True when every word of the text (joiners aside) appears in the name, allowing a plural. */
export function namesEveryWord(name: string, text: string): boolean {
  const nameWords = name.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !JOINERS.has(word))
    .every((word) => nameWords.some((nameWord) => nameWord === word || nameWord === word.replace(/s$/, '')));
}

export function splitJoined(piece: Piece): Piece[] {
  const parts: Piece[] = [];
  let words: string[] = [];
  for (const word of piece.text.split(' ')) {
    if (JOINERS.has(word.toLowerCase())) {
      parts.push({ lead: piece.lead, text: words.join(' ') });
      words = [];
    } else {
      words.push(word);
    }
  }
  parts.push({ lead: piece.lead, text: words.join(' ') });
  return parts.filter((part) => part.text.length > 0);
}
