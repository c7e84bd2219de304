import { describeCall, type CallState } from './call-machine';

/** The call's state in words, the same on both screens; tests read `data-phase`. */
export function CallBanner({ state }: { state: CallState }) {
  return (
    <div
      className={`call-banner call-banner--${state.phase}`}
      data-testid="call-state"
      data-phase={state.phase}
      data-audio-only={String(state.audioOnly)}
      role="status"
    >
      {describeCall(state)}
    </div>
  );
}
