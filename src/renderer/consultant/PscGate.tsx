import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PscRefusalCode, VerifiedConsultant } from '../../shared/domain/consultant-identity';
import { useMessages } from '../i18n/use-messages';
import { pscMessages } from './psc-messages';
import { pscSession, startPscSignIn } from './psc-sign-in';

type GateState =
  | { readonly phase: 'checking' }
  | { readonly phase: 'sign-in'; readonly refusal: PscRefusalCode | null; readonly busy: boolean }
  | { readonly phase: 'passed'; readonly identity: VerifiedConsultant | null };

/**
 * Before the doctor joins: when the rendezvous asks for Pro Santé Connect, "Sign in with Pro Santé
 * Connect" (and why the last try failed, in the page's language); once signed in (or when no
 * sign-in is asked, or the tab only takes back its seat), `onPass` once and the call's screen.
 */
export function PscGate({
  invite,
  outcome,
  onPass,
  children,
}: {
  /** The invite this tab holds; null when it only takes back a seat it had (no sign-in then). */
  invite: string | null;
  /** What the provider's return said (`#psc=`): a refusal is shown; `ok` is checked, not believed. */
  outcome: 'ok' | PscRefusalCode | null;
  onPass: (identity: VerifiedConsultant | null) => void;
  children: ReactNode;
}) {
  const m = useMessages(pscMessages);
  const [state, setState] = useState<GateState>(
    invite === null ? { phase: 'passed', identity: null } : { phase: 'checking' },
  );
  useEffect(() => {
    if (invite === null) return;
    let live = true;
    void pscSession(invite).then((session) => {
      if (!live) return;
      if (typeof session === 'string') setState({ phase: 'sign-in', refusal: session, busy: false });
      else if (!session.required) setState({ phase: 'passed', identity: null });
      else if (session.identity !== null) setState({ phase: 'passed', identity: session.identity });
      else setState({ phase: 'sign-in', refusal: outcome === 'ok' ? null : outcome, busy: false });
    });
    return () => {
      live = false;
    };
  }, [invite, outcome]);
  const passed = useRef(false);
  useEffect(() => {
    if (state.phase !== 'passed' || passed.current) return;
    passed.current = true;
    onPass(state.identity);
  }, [state, onPass]);

  if (state.phase === 'passed') return children;
  if (state.phase === 'checking') return <p className="psc-gate-checking">{m.checking}</p>;
  const signIn = (): void => {
    if (invite === null) return;
    setState({ phase: 'sign-in', refusal: null, busy: true });
    void startPscSignIn(invite).then((started) => {
      if (typeof started === 'string') setState({ phase: 'sign-in', refusal: started, busy: false });
      // The page is left for the provider, which sends the doctor back to /psc/callback.
      else window.location.assign(started.url);
    });
  };
  return (
    <div className="consultant" data-testid="psc-gate">
      <header className="consultant-header">
        <h1 className="station-title">{m.title}</h1>
      </header>
      <main className="consultant-report-only">
        <p>{m.why}</p>
        {state.refusal !== null && (
          <p role="alert" data-testid="psc-refusal" data-code={state.refusal}>
            {m.refusal(state.refusal)}
          </p>
        )}
        <button
          type="button"
          className="button button--large button--primary"
          data-testid="psc-sign-in"
          disabled={state.busy}
          onClick={signIn}
        >
          {state.busy ? m.redirecting : m.signIn}
        </button>
      </main>
    </div>
  );
}
