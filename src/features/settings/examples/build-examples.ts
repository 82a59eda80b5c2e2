import javascriptTemplate from './upload-example.mjs.txt?raw';
import pythonTemplate from './upload-example.py.txt?raw';

interface CurlStep {
  id: string;
  title: string;
  description: string;
  code: string;
}

export interface IntegrationExamples {
  apiBase: string;
  curl: CurlStep[];
  javascript: string;
  python: string;
}

const KEY_VARIABLE = 'HPX_API_KEY';
const SAMPLE_FILE = 'report.csv';
const SAMPLE_QUESTION = 'What was the average length of stay for knee replacement in the last 12 months?';

/** Single quotes keep the shell from expanding anything inside; a quote itself is closed, escaped, reopened. */
export const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

const fill = (template: string, apiBase: string) =>
  template
    .replace('__API__', () => JSON.stringify(apiBase))
    .replace('__QUESTION__', () => JSON.stringify(SAMPLE_QUESTION));

/**
 * The examples are built from the API base the dashboard itself talks to, so what is shown runs as is.
 * The key is always the `$HPX_API_KEY` variable: a literal key must never appear in a page, a script or a copy.
 */
export function buildExamples(baseUrl: string): IntegrationExamples {
  const apiBase = `${baseUrl.replace(/\/+$/, '')}/api/v1`;
  const url = (path: string) => shellQuote(`${apiBase}${path}`);
  const withKey = `-H "X-API-Key: $${KEY_VARIABLE}"`;
  const json = `-H 'Content-Type: application/json'`;
  const curl: CurlStep[] = [
    {
      id: 'health',
      title: 'Check that the service is up',
      description: 'The health check needs no credentials, so try it before sending a key.',
      code: `curl --fail-with-body -sS ${url('/health/')}`,
    },
    {
      id: 'identity',
      title: 'Check your key',
      description: 'Answers with the organization and scopes of the key, or says why it is refused.',
      code: `curl --fail-with-body -sS ${url('/auth/me/')} \\\n  ${withKey}`,
    },
    {
      id: 'presign',
      title: 'Ask for an upload URL',
      description:
        'Returns a short-lived, single-use URL with the headers to send along; saved to presigned.json for the next steps.',
      code: [
        `curl --fail-with-body -sS -X POST ${url('/upload/presigned-url/')} \\`,
        `  ${withKey} \\`,
        `  ${json} \\`,
        `  -d '{"filename": "${SAMPLE_FILE}", "content_type": "text/csv"}' \\`,
        '  -o presigned.json',
      ].join('\n'),
    },
    {
      id: 'put',
      title: 'Send the file to storage',
      description:
        'A PUT of the bytes to the returned url with the returned headers. The URL carries its own permission, so the key is not sent to storage.',
      code: [
        `jq -r '.headers | to_entries[] | "\\(.key): \\(.value)"' presigned.json > upload-headers.txt`,
        `curl --fail-with-body -sS --upload-file ${SAMPLE_FILE} -H @upload-headers.txt \\`,
        '  "$(jq -r .url presigned.json)"',
      ].join('\n'),
    },
    {
      id: 'complete',
      title: 'Complete the upload',
      description: 'The API records the file and, for case data, starts ingesting it.',
      code: [
        `curl --fail-with-body -sS -X POST ${url('/upload/complete/')} \\`,
        `  ${withKey} \\`,
        `  ${json} \\`,
        `  -d "$(jq -c '{key}' presigned.json)"`,
      ].join('\n'),
    },
    {
      id: 'ask',
      title: 'Ask a question and stream the answer',
      description: 'Server-Sent Events arrive as the analysis runs; -N shows each one at once.',
      code: [
        `curl -N --fail-with-body -sS -X POST ${url('/agent/query/')} \\`,
        `  ${withKey} \\`,
        `  -H 'Accept: text/event-stream' \\`,
        `  ${json} \\`,
        `  -d '{"question": "${SAMPLE_QUESTION}"}'`,
      ].join('\n'),
    },
  ];
  return {
    apiBase,
    curl,
    javascript: fill(javascriptTemplate, apiBase),
    python: fill(pythonTemplate, apiBase),
  };
}
