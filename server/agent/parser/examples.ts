/** Questions the parser answers, offered whenever it cannot answer the one asked. */
export const EXAMPLE_QUESTIONS = [
  'average cost of knee replacement by surgeon in the last 6 months',
  'total revenue by payor last year',
  'overview for hip replacement',
  'predict the cost of a knee replacement for a 67-year-old woman with diabetes',
  'what if we raise prices 5% for knee replacements with Aetna over the next 12 months',
];
