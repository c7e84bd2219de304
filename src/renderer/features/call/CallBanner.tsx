import { useMessages } from '../../i18n/use-messages';
import type { CallState } from './call-machine';
import { callMessages } from './call-messages';

/** The call's state in words, the same on both screens; tests read `data-phase`. */
export function CallBanner({ state }: { state: CallState }) {
  const m = useMessages(callMessages);
  return (
    <div
      className={`call-banner call-banner--${state.phase}`}
      data-testid="call-state"
      data-phase={state.phase}
      data-audio-only={String(state.audioOnly)}
      role="status"
    >
      {m.callState(state)}
    </div>
  );
}
