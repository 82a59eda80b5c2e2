/** The analysis page opens a new conversation with this question (it reads `?ask=`). */
export const analysisLink = (question: string) =>
  `/analysis?${new URLSearchParams({ ask: question }).toString()}`;
