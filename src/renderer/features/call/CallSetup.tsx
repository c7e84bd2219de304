import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { callMessages } from './call-messages';
import { INSTRUMENT_KINDS, type InstrumentKind } from './control-messages';
import type { MediaChoice } from './media/local-media';
import { listInputDevices, type InputDevices } from './media/media-devices';

const NONE = '';

/** Choose the room camera and microphone, the instrument camera and the stethoscope input. */
export function CallSetup({ onStart }: { onStart: (choice: MediaChoice) => void }) {
  const m = useMessages(callMessages);
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
      <DeviceSelect
        label={m.roomCamera}
        testId="setup-camera"
        value={camera}
        onChange={setCamera}
        devices={devices.cameras}
        leading={[[NONE, m.defaultCamera]]}
      />
      <DeviceSelect
        label={m.microphone}
        testId="setup-microphone"
        value={microphone}
        onChange={setMicrophone}
        devices={devices.microphones}
        leading={[[NONE, m.defaultMicrophone]]}
      />
      <DeviceSelect
        label={m.instrumentCamera}
        testId="setup-instrument"
        value={instrument}
        onChange={setInstrument}
        devices={devices.cameras}
        leading={[
          [NONE, m.none],
          ['default', m.defaultCamera],
        ]}
      />
      <label>
        {m.instrumentKind}
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as InstrumentKind)}
          data-testid="setup-instrument-kind"
        >
          {INSTRUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {m.instrument(k)}
            </option>
          ))}
        </select>
      </label>
      <DeviceSelect
        label={m.stethoscopeInput}
        testId="setup-stethoscope"
        value={stethoscope}
        onChange={setStethoscope}
        devices={devices.microphones}
        leading={[
          [NONE, m.none],
          ['default', m.defaultInput],
        ]}
      />
      <button className="button button--large button--primary" type="submit" data-testid="call-start">
        {m.startCall}
      </button>
    </form>
  );
}

interface DeviceSelectProps {
  readonly label: string;
  readonly testId: string;
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly devices: InputDevices['cameras'];
  /** Choices listed before the devices: [value, label]. */
  readonly leading: readonly (readonly [string, string])[];
}

/** One media input picker: the fixed choices first, then every device the browser lists. */
function DeviceSelect({ label, testId, value, onChange, devices, leading }: DeviceSelectProps) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {leading.map(([id, text]) => (
          <option key={`fixed-${id}`} value={id}>
            {text}
          </option>
        ))}
        {devices.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </select>
    </label>
  );
}
