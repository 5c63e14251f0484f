/** What the Reporting API answers (`reportResponse` and `reportDoneResponse` in the schema). */
export interface NcmecResponse {
  httpStatus: number;
  /** NCMEC's responseCode; -1 when the body was not a response document (a proxy's error page). */
  responseCode: number;
  description: string;
  reportId?: string | undefined;
  fileId?: string | undefined;
  hash?: string | undefined;
  files?: string[] | undefined;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const leaf = (xml: string, name: string) => {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return m ? unescape(m[1]!.trim()) : undefined;
};

/**
 * Reads the handful of leaf elements the two response documents have. A regular
 * expression per leaf is enough for these flat, schema-fixed documents; an XML parser
 * would add a dependency for five fields.
 */
export function parseNcmecResponse(httpStatus: number, body: string): NcmecResponse {
  const code = leaf(body, 'responseCode');
  const files = /<files>([\s\S]*?)<\/files>/.exec(body)?.[1];
  return {
    httpStatus,
    responseCode: code !== undefined && /^-?\d+$/.test(code) ? Number(code) : -1,
    description: leaf(body, 'responseDescription') ?? (code === undefined ? `HTTP ${httpStatus} without a response document` : ''),
    reportId: leaf(body, 'reportId'),
    fileId: files === undefined ? leaf(body, 'fileId') : undefined,
    hash: leaf(body, 'hash'),
    files: files === undefined ? undefined : [...files.matchAll(/<fileId>([^<]*)<\/fileId>/g)].map((m) => unescape(m[1]!)),
  };
}

export const RESPONSE_CODES = {
  success: 0,
  serverError: 1000,
  schemaInvalid: 4100,
  reportAlreadyFinished: 5101,
  reportAlreadyRetracted: 5102,
} as const;

export type Outcome = 'done' | 'retry' | 'permanent';

/**
 * Outcomes of a call. 0, and 5101/5102 (the report is already finished or retracted: the
 * step was done by an earlier attempt whose answer was lost), are done. Server-side
 * failures (HTTP 5xx, 408, 429, responseCode 1xxx) are retried. Refused credentials, schema
 * errors (4100) and every other code are permanent: sending the same again cannot help.
 */
export function outcomeOf(r: NcmecResponse): Outcome {
  if (r.httpStatus === 401 || r.httpStatus === 403) return 'permanent';
  if (r.httpStatus >= 500 || r.httpStatus === 408 || r.httpStatus === 429) return 'retry';
  if (r.responseCode === RESPONSE_CODES.success && r.httpStatus >= 200 && r.httpStatus < 300) return 'done';
  if (r.responseCode === RESPONSE_CODES.reportAlreadyFinished || r.responseCode === RESPONSE_CODES.reportAlreadyRetracted) return 'done';
  if (r.responseCode >= 1000 && r.responseCode < 2000) return 'retry';
  if (r.responseCode === -1) return 'retry';
  return 'permanent';
}
