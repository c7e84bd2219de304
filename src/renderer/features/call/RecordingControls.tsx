import { useState } from 'react';
import { BackendCallError } from '../../backend-client/backend-client';
import { useProblemText } from '../../i18n/problem-text';
import { useMessages } from '../../i18n/use-messages';
import { callMessages } from './call-messages';
import { isRecordClosed } from './record-closed';
import type { StationCall } from './station-call';

/** Lengths offered for a stethoscope recording: a heart cycle series, a breathing cycle series, more. */
export const STETHOSCOPE_DURATIONS_S = [5, 15, 30] as const;
const DEFAULT_DURATION_S = 15;

type Status =
  | { readonly kind: 'snapshot-taking' }
  | { readonly kind: 'snapshot-saved' }
  | { readonly kind: 'snapshot-failed'; readonly detail: string }
  | { readonly kind: 'recording'; readonly left: number }
  | { readonly kind: 'recording-saved' }
  | { readonly kind: 'recording-failed'; readonly detail: string };

/**
 * The station's own additions to the record during the call: a still of the instrument camera
 * (or the room camera) and a stethoscope recording of a chosen length. Large targets: gloves.
 */
export function RecordingControls({ call }: { call: StationCall }) {
  const m = useMessages(callMessages);
  const [status, setStatus] = useState<Status | null>(null);
  const [duration, setDuration] = useState<number>(DEFAULT_DURATION_S);
  const busy = status?.kind === 'snapshot-taking' || status?.kind === 'recording';
  // A consultation closed meanwhile is said in the station's words, never the backend's.
  const problemText = useProblemText();
  const detail = (cause: unknown): string =>
    isRecordClosed(cause)
      ? m.recordClosed
      : cause instanceof BackendCallError
        ? problemText(cause)
        : (console.warn('recording:', cause), m.inputUnavailable);
  return (
    <div className="call-recording" role="group" aria-label={m.snapshot}>
      <button
        className="button button--large"
        type="button"
        data-testid="station-snapshot"
        disabled={busy}
        onClick={() => {
          setStatus({ kind: 'snapshot-taking' });
          call
            .takeSnapshot()
            .then(() => setStatus({ kind: 'snapshot-saved' }))
            .catch((cause: unknown) => setStatus({ kind: 'snapshot-failed', detail: detail(cause) }));
        }}
      >
        {m.snapshot}
      </button>
      {call.media.stethoscope !== null && (
        <>
          <label className="call-recording-duration">
            {m.recordDuration}
            <select
              value={duration}
              data-testid="stethoscope-duration"
              disabled={busy}
              onChange={(event) => setDuration(Number(event.target.value))}
            >
              {STETHOSCOPE_DURATIONS_S.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {m.seconds(seconds)}
                </option>
              ))}
            </select>
          </label>
          <button
            className="button button--large"
            type="button"
            data-testid="stethoscope-record"
            disabled={busy}
            onClick={() => {
              setStatus({ kind: 'recording', left: duration });
              call
                .recordStethoscope(duration, (recorded) =>
                  setStatus({ kind: 'recording', left: Math.max(0, Math.ceil(duration - recorded)) }),
                )
                .then(() => setStatus({ kind: 'recording-saved' }))
                .catch((cause: unknown) => setStatus({ kind: 'recording-failed', detail: detail(cause) }));
            }}
          >
            {m.recordStethoscope(duration)}
          </button>
        </>
      )}
      {status !== null && (
        <span
          className="call-recording-status"
          role={status.kind.endsWith('failed') ? 'alert' : 'status'}
          data-testid="recording-status"
          data-kind={status.kind}
        >
          {statusText(m, status)}
        </span>
      )}
    </div>
  );
}

function statusText(m: (typeof callMessages)['en'], status: Status): string {
  switch (status.kind) {
    case 'snapshot-taking':
      return m.snapshotTaking;
    case 'snapshot-saved':
      return m.snapshotSaved;
    case 'snapshot-failed':
      return m.snapshotFailed(status.detail);
    case 'recording':
      return m.recording(status.left);
    case 'recording-saved':
      return m.recordingSaved;
    case 'recording-failed':
      return m.recordingFailed(status.detail);
  }
}
