import { useEffect, useState } from 'react';
import type { RecordingHealth } from '../../../shared/domain/consultation';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { useNow } from '../use-store';
import { consultationMessages } from './consultation-messages';
import './recording-alert.css';

/** How long "recording resumed" stays on screen after a failure is over. */
export const RESUMED_NOTICE_MS = 30_000;

/**
 * Whether the consultation's readings reach the disk. While they do not (disk full…) a prominent
 * alert says so, how much waits in memory, what was lost and what to do: a record silently not
 * being written is a safety problem. Once they do again, a polite status says whether anything
 * was lost. The status region stays mounted so screen readers announce its change.
 */
export function RecordingAlert({ recording }: { recording: RecordingHealth | undefined }) {
  const m = useMessages(consultationMessages);
  const format = useFormat();
  const resumed = useResumedNotice(recording);
  return (
    <>
      {recording?.state === 'failing' && <FailingAlert recording={recording} />}
      <p className="recording-resumed" role="status" data-testid="recording-resumed">
        {resumed !== null && m.recordingResumed(resumed.lost, format.number(resumed.lost))}
      </p>
    </>
  );
}

function FailingAlert({ recording }: { recording: RecordingHealth }) {
  const m = useMessages(consultationMessages);
  const format = useFormat();
  const nowMs = useNow(1000);
  const code = recording.code ?? 'write-error';
  const sinceMs = recording.since === null ? nowMs : Date.parse(recording.since);
  const forS = Math.max(0, Math.floor((nowMs - sinceMs) / 1000));
  return (
    <div className="recording-alert" role="alert" data-testid="recording-alert" data-code={code}>
      <WarningIcon />
      <div className="recording-alert-text">
        <strong>{m.recordingProblem(code)}</strong>{' '}
        {recording.bufferedReadings > 0 && (
          <span data-testid="recording-buffered">
            {m.recordingKept(
              recording.bufferedReadings,
              format.number(recording.bufferedReadings),
              format.duration(forS),
            )}{' '}
          </span>
        )}
        {recording.droppedReadings > 0 && (
          <span data-testid="recording-dropped">
            {m.recordingLost(recording.droppedReadings, format.number(recording.droppedReadings))}{' '}
          </span>
        )}
        <span className="recording-alert-fix">{m.recordingFix(code)}</span>
      </div>
    </div>
  );
}

/** A warning triangle: the alert is told by its words and this shape, not by its colour alone. */
function WarningIcon() {
  return (
    <svg className="recording-alert-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
      <path d="M12 2 1 21h22L12 2z" fill="currentColor" />
      <path d="M11 9h2v6h-2zM11 17h2v2h-2z" fill="var(--panel)" />
    </svg>
  );
}

/** Set on a failing → ok transition (with what the failure lost), cleared after a while or on a new failure. */
function useResumedNotice(recording: RecordingHealth | undefined): { lost: number } | null {
  const [resumed, setResumed] = useState<{ lost: number } | null>(null);
  const state = recording?.state;
  // Derived while rendering (React's "adjusting state when a prop changes"), not in an effect.
  const [previous, setPrevious] = useState(state);
  if (state !== previous) {
    setPrevious(state);
    if (state === 'failing') setResumed(null);
    else if (previous === 'failing' && state === 'ok') setResumed({ lost: recording?.droppedReadings ?? 0 });
  }
  useEffect(() => {
    if (resumed === null) return;
    const timer = setTimeout(() => setResumed(null), RESUMED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [resumed]);
  return resumed;
}
