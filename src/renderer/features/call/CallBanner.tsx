import { useMessages } from '../../i18n/use-messages';
import { linkDown, type CallState } from './call-machine';
import { callMessages } from './call-messages';

/**
 * The call's state in words, the same on both screens. Tests and the network bench read it from
 * attributes that stay stable whatever the wording: `data-phase` (idle, inviting, connecting,
 * connected, interrupted, reconnecting, ended), `data-link` (`up` while connected, `down` while
 * interrupted or reconnecting, `none` otherwise), `data-audio-only`, and once ended
 * `data-end-reason` and `data-detail` (a rendezvous refusal code such as `replayed-token`).
 */
export function CallBanner({ state }: { state: CallState }) {
  const m = useMessages(callMessages);
  const link = state.phase === 'connected' ? 'up' : linkDown(state.phase) ? 'down' : 'none';
  return (
    <div
      className={`call-banner call-banner--${state.phase}`}
      data-testid="call-state"
      data-phase={state.phase}
      data-link={link}
      data-audio-only={String(state.audioOnly)}
      {...(state.phase === 'ended'
        ? { 'data-end-reason': state.endReason ?? 'hung-up', 'data-detail': state.detail ?? '' }
        : {})}
      role="status"
    >
      {m.callState(state)}
    </div>
  );
}
