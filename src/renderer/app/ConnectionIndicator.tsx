import type { ConnectionState } from '../backend-client/backend-client';
import type { ProblemCode } from '../../shared/domain/problem-codes';
import { problemMessages } from '../i18n/problem-messages';
import { useMessages } from '../i18n/use-messages';
import { appMessages } from './app-messages';

/** Link to the backend, in words: a frozen screen must never look like a live one. */
export function ConnectionIndicator({
  state,
  problem,
}: {
  state: ConnectionState;
  problem: ProblemCode | 'unexpected' | null;
}) {
  const m = useMessages(appMessages);
  const problems = useMessages(problemMessages);
  return (
    <div
      className={`connection connection--${state}`}
      data-testid="connection-state"
      data-state={state}
      role="status"
    >
      {/* A symbol beside the words: the state is not told by colour alone. */}
      <span aria-hidden="true">{state === 'open' ? '● ' : '⚠ '}</span>
      {m.connection(state)}
      {problem !== null && state === 'open' && (
        <span className="connection-problem"> · {problems[problem]}</span>
      )}
    </div>
  );
}
