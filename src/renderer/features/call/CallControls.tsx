import { useStore } from '../use-store';
import { INSTRUMENT_LABELS } from './control-messages';
import type { StationCall } from './station-call';

/** Large touch targets: the nurse may be wearing gloves and holding an otoscope. */
export function CallControls({ call }: { call: StationCall }) {
  const toggles = useStore(call.media.toggles);
  const hasInstrument = call.media.instrument !== null;
  return (
    <div className="call-controls" role="toolbar" aria-label="Call controls">
      <button
        className="button button--large"
        type="button"
        aria-pressed={toggles.micMuted}
        data-testid="toggle-mic"
        onClick={() => call.media.update({ micMuted: !toggles.micMuted })}
      >
        {toggles.micMuted ? 'Unmute' : 'Mute'}
      </button>
      <button
        className="button button--large"
        type="button"
        aria-pressed={toggles.cameraOff}
        data-testid="toggle-camera"
        onClick={() => call.media.update({ cameraOff: !toggles.cameraOff })}
      >
        {toggles.cameraOff ? 'Camera on' : 'Camera off'}
      </button>
      {hasInstrument && (
        <button
          className="button button--large"
          type="button"
          aria-pressed={toggles.instrumentOn}
          data-testid="toggle-instrument"
          onClick={() => call.media.update({ instrumentOn: !toggles.instrumentOn })}
        >
          {INSTRUMENT_LABELS[call.media.instrumentKind]} {toggles.instrumentOn ? 'off' : 'on'}
        </button>
      )}
      <button
        className="button button--large button--danger"
        type="button"
        data-testid="call-end"
        onClick={() => call.hangUp()}
      >
        End call
      </button>
    </div>
  );
}
