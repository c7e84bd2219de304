import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BluetoothChooserOffer } from '../../../shared/preload-api';
import { bluetoothChooserClient, type BluetoothChooserClient } from '../../backend-client/ipc-client';
import { useMessages } from '../../i18n/use-messages';
import { bluetoothMessages } from './bluetooth-messages';

/**
 * The Web Bluetooth device chooser under Electron, which has none of its own: when the page calls
 * `requestDevice`, the main process sends the devices found so far (again as the scan finds more)
 * and this dialog lets the nurse pick one, or cancel. It shows nothing outside Electron, where
 * Chromium's own chooser appears. Large targets, a live "searching" status, Escape cancels, and
 * focus returns where it was when the dialog closes.
 *
 * Styles: bluetooth-chooser.css, imported by the screen that mounts this (jest cannot load CSS).
 */
export function BluetoothChooserDialog({
  chooser: given,
}: {
  /** Defaults to the preload's chooser; null (a browser) renders nothing. */
  readonly chooser?: BluetoothChooserClient | null;
}) {
  const chooser = useMemo(() => (given === undefined ? bluetoothChooserClient() : given), [given]);
  const [offer, setOffer] = useState<BluetoothChooserOffer | null>(null);
  // Scan updates for a request already answered may still be in flight: they must not reopen it.
  const lastAnswered = useRef(-1);

  useEffect(() => {
    if (chooser === null) return undefined;
    return chooser.onDevices((next) => {
      if (next.requestId > lastAnswered.current) setOffer(next);
    });
  }, [chooser]);

  if (chooser === null || offer === null) return null;
  const answer = (deviceId: string | null): void => {
    lastAnswered.current = Math.max(lastAnswered.current, offer.requestId);
    setOffer(null);
    chooser.choose({ requestId: offer.requestId, deviceId });
  };
  return <ChooserPanel offer={offer} onAnswer={answer} />;
}

function ChooserPanel({
  offer,
  onAnswer,
}: {
  readonly offer: BluetoothChooserOffer;
  readonly onAnswer: (deviceId: string | null) => void;
}) {
  const m = useMessages(bluetoothMessages);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    panel.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onAnswer(null);
  };
  const count = offer.devices.length;
  return (
    <div className="bt-chooser-backdrop">
      <div
        ref={panel}
        className="bt-chooser"
        role="dialog"
        aria-modal="true"
        aria-labelledby="bt-chooser-title"
        aria-describedby="bt-chooser-status"
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid="bt-chooser"
      >
        <h2 id="bt-chooser-title" className="bt-chooser-title">
          {m.chooserTitle}
        </h2>
        <p id="bt-chooser-status" className="bt-chooser-status" role="status" aria-live="polite">
          {count === 0 ? m.chooserSearching : m.chooserFound(count)}
        </p>
        {count > 0 && (
          <ul className="bt-chooser-list" aria-label={m.chooserList}>
            {offer.devices.map((device) => (
              <li key={device.deviceId}>
                <button
                  type="button"
                  className="bt-chooser-device"
                  onClick={() => onAnswer(device.deviceId)}
                  data-testid={`bt-choose-${device.deviceId}`}
                >
                  <span className="bt-chooser-name">{device.deviceName || m.chooserUnnamed}</span>
                  <span className="bt-chooser-id">{device.deviceId}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="bt-chooser-cancel" onClick={() => onAnswer(null)}>
          {m.cancel}
        </button>
      </div>
    </div>
  );
}
