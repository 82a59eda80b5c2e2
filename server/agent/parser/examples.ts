/**
 * Questions the parser answers for any organization that has case data, offered when it cannot answer the one
 * asked: they name no procedure, payor or year (any of which an organization may lack) and use the default window,
 * which ends at the organization's latest admit date, so each is answered over its cases. The agent replaces them
 * with questions from the organization's own data when it can (server/agent/examples.ts).
 */
export const EXAMPLE_QUESTIONS = [
  'average cost by surgeon',
  'total revenue by payor',
  'number of cases by month',
  'average length of stay by procedure',
  'top 5 procedures by total cost',
];
