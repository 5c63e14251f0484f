import pino, { type Logger } from 'pino';

/**
 * SECURITY: message text, media references, reporter details and credentials never reach
 * a log. Redaction is the safety net; the first rule is that code logs ids and counts only.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  '*.text',
  '*.query',
  '*.url',
  '*.path',
  '*.password',
  '*.passwordHash',
  '*.secret',
  '*.webhookSecret',
  '*.testPassword',
  '*.keys',
  '*.signingKey',
  '*.productionPassword',
  '*.csrf',
  'req.headers["x-csrf-token"]',
  '*.key',
  '*.apiKey',
  'message.text',
  'report.text',
  'body',
];

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'warden' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
