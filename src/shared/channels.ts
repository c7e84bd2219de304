import { isApiEvent, isApiMethod, type ApiEvent, type ApiMethod } from './api-names';

/** Electron IPC channel names are derived from the contract; nothing else is ever sent. */
const INVOKE_PREFIX = 'app:';
const EVENT_PREFIX = 'app-event:';

export function invokeChannel(method: ApiMethod): string {
  return `${INVOKE_PREFIX}${method}`;
}

export function eventChannel(event: ApiEvent): string {
  return `${EVENT_PREFIX}${event}`;
}

export function methodOfChannel(channel: string): ApiMethod | null {
  if (!channel.startsWith(INVOKE_PREFIX)) return null;
  const method = channel.slice(INVOKE_PREFIX.length);
  return isApiMethod(method) ? method : null;
}

export function eventOfChannel(channel: string): ApiEvent | null {
  if (!channel.startsWith(EVENT_PREFIX)) return null;
  const event = channel.slice(EVENT_PREFIX.length);
  return isApiEvent(event) ? event : null;
}
