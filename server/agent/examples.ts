import type { Catalog, OrgType } from '../cases/types';

/** Candidate questions from the organization's own most frequent names; the caller keeps those it can answer. */
export function exampleCandidates(catalog: Catalog, orgType: OrgType): string[] {
  if (catalog.cases === 0) return [];
  const procedures = catalog.entities.procedure.slice(0, 6).map((entry) => entry.name);
  const payor = catalog.entities.payor[0]?.name;
  const money = orgType === 'payor' ? 'cost' : 'profit';
  const candidates: string[] = [];
  for (const procedure of procedures)
    candidates.push(`average cost of ${procedure} by surgeon in the last 12 months`);
  candidates.push('total revenue by payor last year');
  for (const procedure of procedures.slice(1)) candidates.push(`overview for ${procedure}`);
  for (const procedure of procedures)
    candidates.push(`predict the cost of ${procedure} for a 67-year-old woman`);
  if (payor && orgType !== 'payor') {
    for (const procedure of procedures) {
      candidates.push(`what if we raise prices 5% for ${procedure} with ${payor} over the next 12 months`);
    }
  }
  candidates.push(`average ${money} by provider in the last 6 months`);
  return candidates;
}

/** One answerable question per kind (the text before " of " / " for "), at most `count`. */
export function pickExamples(answerable: string[], count = 5): string[] {
  const picked = new Map<string, string>();
  for (const question of answerable) {
    const kind = question.split(/ (?:of|for|by) /)[0] ?? question;
    if (!picked.has(kind)) picked.set(kind, question);
  }
  return [...picked.values()].slice(0, count);
}
