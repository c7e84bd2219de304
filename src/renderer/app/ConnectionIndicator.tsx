import type { ConnectionState } from '../backend-client/backend-client';

const TEXT: Readonly<Record<ConnectionState, string>> = {
  connecting: 'Connecting to station…',
  open: 'Connected',
  reconnecting: 'Connection lost, reconnecting… values may be out of date',
  closed: 'Disconnected',
};

/** Link to the backend, in words: a frozen screen must never look like a live one. */
export function ConnectionIndicator({ state, problem }: { state: ConnectionState; problem: string | null }) {
  return (
    <div
      className={`connection connection--${state}`}
      data-testid="connection-state"
      data-state={state}
      role="status"
    >
      {TEXT[state]}
      {problem !== null && state === 'open' && <span className="connection-problem"> · {problem}</span>}
    </div>
  );
}
