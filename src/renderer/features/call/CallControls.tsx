import { useMessages } from '../../i18n/use-messages';
import { useStore } from '../use-store';
import { callMessages } from './call-messages';
import type { StationCall } from './station-call';

/** Large touch targets: the nurse may be wearing gloves and holding an otoscope. */
export function CallControls({ call }: { call: StationCall }) {
  const m = useMessages(callMessages);
  const toggles = useStore(call.media.toggles);
  const hasInstrument = call.media.instrument !== null;
  return (
    <div className="call-controls" role="toolbar" aria-label={m.controls}>
      <button
        className="button button--large"
        type="button"
        aria-pressed={toggles.micMuted}
        data-testid="toggle-mic"
        onClick={() => call.media.update({ micMuted: !toggles.micMuted })}
      >
        {toggles.micMuted ? m.unmute : m.mute}
      </button>
      <button
        className="button button--large"
        type="button"
        aria-pressed={toggles.cameraOff}
        data-testid="toggle-camera"
        onClick={() => call.media.update({ cameraOff: !toggles.cameraOff })}
      >
        {toggles.cameraOff ? m.cameraOn : m.cameraOff}
      </button>
      {hasInstrument && (
        <button
          className="button button--large"
          type="button"
          aria-pressed={toggles.instrumentOn}
          data-testid="toggle-instrument"
          onClick={() => call.media.update({ instrumentOn: !toggles.instrumentOn })}
        >
          {m.instrumentToggle(m.instrument(call.media.instrumentKind), toggles.instrumentOn)}
        </button>
      )}
      <button
        className="button button--large button--danger"
        type="button"
        data-testid="call-end"
        onClick={() => call.hangUp()}
      >
        {m.endCall}
      </button>
    </div>
  );
}
