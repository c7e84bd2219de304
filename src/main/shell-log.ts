/**
 * What the shell logs through: security refusals are warnings (they mean a bug or an attack, and an
 * installer looking at the log should see them), failures are errors. Injected so tests can assert
 * that a refusal was reported.
 */
export interface ShellLog {
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const consoleLog: ShellLog = {
  warn: (message, details) => console.warn(...line(message, details)),
  error: (message, details) => console.error(...line(message, details)),
};

function line(message: string, details: Record<string, unknown> | undefined): unknown[] {
  return details === undefined ? [`[station] ${message}`] : [`[station] ${message}`, details];
}
