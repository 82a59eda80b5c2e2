// Words that carry no entity meaning once metric, view, pivot and window phrases are cut out.
const FILLER = new Set(
  `a about across after all also am an any are as at be been being by can cases case compare compared
  could currently data did do does doing done each every figure figures for from get give got had has have
  having how i in into is it its it's just let let's lets look many me much my need numbers of on our over
  patient patients people per performed please procedures procedure see show so tell than that the their
  them there these they this those to under undergoing up us value values was we were what
  what's whats when where which who whose why will with would you your i'd i'm whole entire all-cause
  highest lowest most least best worst rank ranking biggest smallest largest order sorted sort were
  happened happen went go goes going like look looking want wanted know only just
  instead again same then now also amount amounts level levels claim claims
  make made earn earned generate generated bring brought receive received collect collected
  give given gave grant granted offer offered
  please pls plz hey hi hello thanks thank cheers team folks guys quick quickly real really roughly
  approximately approx honestly basically actually curious wondering wonder kindly ok okay um uh hmm`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/** Drops filler words and stray punctuation, keeping the remaining words in order. */
export function stripFiller(text: string): string {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}.]+$/gu, ''))
    .filter((word) => word.length > 0 && !FILLER.has(word.toLowerCase()))
    .join(' ')
    .replace(/\.$/, '');
}
