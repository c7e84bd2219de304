import { useEffect, useState } from 'react';
import { INSTRUMENT_KINDS, INSTRUMENT_LABELS, type InstrumentKind } from './control-messages';
import type { MediaChoice } from './media/local-media';
import { listInputDevices, type InputDevices } from './media/media-devices';

const NONE = '';

/** Choose the room camera and microphone, the instrument camera and the stethoscope input. */
export function CallSetup({ onStart }: { onStart: (choice: MediaChoice) => void }) {
  const [devices, setDevices] = useState<InputDevices>({ cameras: [], microphones: [] });
  const [camera, setCamera] = useState(NONE);
  const [microphone, setMicrophone] = useState(NONE);
  const [instrument, setInstrument] = useState(NONE);
  const [kind, setKind] = useState<InstrumentKind>('otoscope');
  const [stethoscope, setStethoscope] = useState(NONE);
  useEffect(() => {
    void listInputDevices()
      .then(setDevices)
      .catch(() => undefined);
  }, []);
  const orNull = (id: string): string | null => (id === NONE ? null : id);
  return (
    <form
      className="call-setup"
      onSubmit={(event) => {
        event.preventDefault();
        onStart({
          cameraId: orNull(camera),
          microphoneId: orNull(microphone),
          instrumentCameraId: instrument === NONE ? null : instrument === 'default' ? NONE : instrument,
          instrumentKind: kind,
          stethoscopeInputId: stethoscope === NONE ? null : stethoscope === 'default' ? NONE : stethoscope,
        });
      }}
    >
      <label>
        Room camera
        <select value={camera} onChange={(e) => setCamera(e.target.value)} data-testid="setup-camera">
          <option value={NONE}>Default camera</option>
          {devices.cameras.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Microphone
        <select
          value={microphone}
          onChange={(e) => setMicrophone(e.target.value)}
          data-testid="setup-microphone"
        >
          <option value={NONE}>Default microphone</option>
          {devices.microphones.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Instrument camera
        <select
          value={instrument}
          onChange={(e) => setInstrument(e.target.value)}
          data-testid="setup-instrument"
        >
          <option value={NONE}>None</option>
          <option value="default">Default camera</option>
          {devices.cameras.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Instrument
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as InstrumentKind)}
          data-testid="setup-instrument-kind"
        >
          {INSTRUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {INSTRUMENT_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Stethoscope / doppler input
        <select
          value={stethoscope}
          onChange={(e) => setStethoscope(e.target.value)}
          data-testid="setup-stethoscope"
        >
          <option value={NONE}>None</option>
          <option value="default">Default input</option>
          {devices.microphones.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <button className="button button--large button--primary" type="submit" data-testid="call-start">
        Start call
      </button>
    </form>
  );
}
