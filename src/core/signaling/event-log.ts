/**
 * The rendezvous node's log: an event code and a few fields, one line each. `json` writes one
 * object per line (`{"time":…,"level":…,"event":…,…fields}`) for a log collector; `text` writes the
 * same as `time level event key=value …` for a person at a terminal.
 *
 * What a line may carry is limited by construction: fields are strings, numbers and booleans only
 * (no objects to smuggle a message body in), strings are cut at MAX_FIELD_CHARS, and a field whose
 * name says it holds a secret (token, secret, password, credential, invite, cookie, authorization)
 * is written as "[redacted]" whatever the caller passed. The rendezvous never sees patient data;
 * room ids are random and may be logged, invite and resume tokens never.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'text' | 'json';
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;
export type EventLog = (level: LogLevel, event: string, fields?: LogFields) => void;

export const LOG_FORMATS: readonly LogFormat[] = ['text', 'json'];
export const MAX_FIELD_CHARS = 200;
const SECRET_FIELD = /token|secret|password|credential|invite|cookie|authorization/i;
const RESERVED = new Set(['time', 'level', 'event']);

export function createEventLog(
  write: (line: string) => void,
  format: LogFormat,
  now: () => number = Date.now,
): EventLog {
  return (level, event, fields = {}) => {
    const time = new Date(now()).toISOString();
    const safe = safeFields(fields);
    if (format === 'json') {
      write(JSON.stringify({ time, level, event, ...safe }));
      return;
    }
    const rest = Object.entries(safe).map(([key, value]) => `${key}=${textValue(value)}`);
    write([time, level, event, ...rest].join(' '));
  };
}

function safeFields(fields: LogFields): Record<string, string | number | boolean> {
  const safe: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || RESERVED.has(key)) continue;
    if (SECRET_FIELD.test(key)) safe[key] = '[redacted]';
    else if (typeof value === 'string') safe[key] = value.slice(0, MAX_FIELD_CHARS);
    else if (typeof value === 'number') safe[key] = Number.isFinite(value) ? value : String(value);
    else if (typeof value === 'boolean') safe[key] = value;
  }
  return safe;
}

/** Bare when it reads unambiguously, else JSON-quoted (spaces, quotes, `=`, control characters). */
function textValue(value: string | number | boolean): string {
  const text = String(value);
  return /^[\w.:/@[\]-]+$/.test(text) ? text : JSON.stringify(text);
}
