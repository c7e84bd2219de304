import { useEffect, useMemo, useRef, useState } from 'react';
import type { StationSession } from '../../app/station-session';
import { CHECK_CATEGORIES, overallStatus, type CheckItem } from '../../../shared/domain/equipment-check';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { listInputDevices, type InputDevice } from '../call/media/media-devices';
import { useStore } from '../use-store';
import { speakerCheck, playTestTone } from './audio-checks';
import { CheckItemRow } from './CheckItemRow';
import { checkMessages } from './check-messages';
import { buildReport, countByStatus, downloadJson, mergeItems, reportFileName } from './check-report';
import { runEquipmentCheck, type RunItem } from './check-run';
import { localizeHostItem } from './host-items';
import { foldTurnItems } from './turn-item';
import './check.css';

const NO_STETHOSCOPE = 'none';
const DEFAULT_INPUT = 'default';

type Phase = 'idle' | 'running' | 'done';

/**
 * `#check`: the equipment check. Runs on demand; items appear as each part finishes, grouped by
 * kind, each with its status in words and a fix; then the summary, the JSON export and a printable
 * view (print CSS) carrying the date, the station version and the host.
 */
export function CheckScreen({ session }: { session: StationSession }) {
  const m = useMessages(checkMessages);
  const format = useFormat();
  const appInfo = useStore(session.appInfo);
  const [phase, setPhase] = useState<Phase>('idle');
  const [entries, setEntries] = useState<RunItem[]>([]);
  const [times, setTimes] = useState<{ startedAt: number; finishedAt: number } | null>(null);
  const [inputs, setInputs] = useState<readonly InputDevice[]>([]);
  const [stethoscope, setStethoscope] = useState(NO_STETHOSCOPE);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    void listInputDevices()
      .then((devices) => mounted.current && setInputs(devices.microphones))
      .catch(() => undefined);
    return () => {
      mounted.current = false;
    };
  }, []);

  const items: CheckItem[] = useMemo(
    () =>
      foldTurnItems(
        entries.map(({ item, fromHost }) => (fromHost ? localizeHostItem(item, m, format) : item)),
        m,
        format,
      ),
    [entries, m, format],
  );

  const run = async (): Promise<void> => {
    const startedAt = Date.now();
    setPhase('running');
    setEntries([]);
    setTimes(null);
    await runEquipmentCheck({
      client: session.backend,
      m,
      format,
      stethoscopeInput:
        stethoscope === NO_STETHOSCOPE ? null : stethoscope === DEFAULT_INPUT ? '' : stethoscope,
      onItems: (added) => mounted.current && setEntries((current) => mergeItems(current, added)),
    });
    if (!mounted.current) return;
    setTimes({ startedAt, finishedAt: Date.now() });
    setPhase('done');
  };

  const answerSpeakers = async (heard: boolean): Promise<void> => {
    const item = await speakerCheck(m, heard ? 'heard' : 'not-heard');
    if (mounted.current) setEntries((current) => mergeItems(current, [{ item, fromHost: false }]));
  };

  const overall = overallStatus(items);
  const report =
    times === null
      ? null
      : buildReport({ items, startedAt: times.startedAt, finishedAt: times.finishedAt, appInfo });

  return (
    <main className="check-screen" data-testid="check-screen">
      <h1 className="screen-title">{m.title}</h1>
      <p className="check-intro">{m.intro}</p>
      <div className="check-controls">
        <label className="check-field">
          {m.stethoscopeInput}
          <select
            value={stethoscope}
            onChange={(event) => setStethoscope(event.target.value)}
            disabled={phase === 'running'}
            data-testid="check-stethoscope"
          >
            <option value={NO_STETHOSCOPE}>{m.stethoscopeNone}</option>
            <option value={DEFAULT_INPUT}>{m.stethoscopeDefault}</option>
            {inputs.map((input) => (
              <option key={input.id} value={input.id}>
                {input.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="check-run"
          data-testid="check-run"
          // Not `disabled`: Chromium drops the focus of a button that becomes disabled, and a
          // keyboard user would be sent back to the top of the page for the whole run.
          aria-disabled={phase === 'running'}
          onClick={() => phase !== 'running' && void run()}
        >
          {phase === 'idle' ? m.run : m.runAgain}
        </button>
      </div>
      <p role="status" className="check-progress">
        {phase === 'running' ? m.running : ''}
      </p>
      {phase === 'done' && report !== null && (
        <section className="check-summary-block" aria-labelledby="check-summary">
          <p
            id="check-summary"
            className={`check-summary check-summary--${overall}`}
            data-testid="check-summary"
            data-status={overall}
          >
            {m.summary(overall, countByStatus(items))}
          </p>
          <dl className="check-meta">
            <dt>{m.reportDate}</dt>
            <dd>{format.dateTime(times?.startedAt ?? 0)}</dd>
            <dt>{m.reportVersion}</dt>
            <dd>{appInfo === null ? '—' : `${appInfo.name} ${appInfo.version}`}</dd>
            <dt>{m.reportHost}</dt>
            <dd>{appInfo === null ? '—' : m.hostName(appInfo.host)}</dd>
          </dl>
          <div className="check-actions">
            <button
              type="button"
              data-testid="check-export-json"
              onClick={() => downloadJson(report, reportFileName(Date.parse(report.startedAt)))}
            >
              {m.exportJson}
            </button>
            <button type="button" data-testid="check-print" onClick={() => window.print()}>
              {m.print}
            </button>
          </div>
        </section>
      )}
      {CHECK_CATEGORIES.map((category) => {
        const inCategory = items.filter((item) => item.category === category);
        if (inCategory.length === 0) return null;
        return (
          <section key={category} className="check-section" aria-labelledby={`check-category-${category}`}>
            <h2 id={`check-category-${category}`} className="check-category">
              {m.category(category)}
            </h2>
            <ul className="check-list">
              {inCategory.map((item) => (
                <CheckItemRow key={item.id} item={item}>
                  {item.id === 'audio.speakers' && (
                    <span className="check-speakers">
                      <button
                        type="button"
                        data-testid="check-play-tone"
                        onClick={() => void playTestTone().catch(() => undefined)}
                      >
                        {m.playTone}
                      </button>
                      <button
                        type="button"
                        data-testid="check-speakers-heard"
                        onClick={() => void answerSpeakers(true)}
                      >
                        {m.heardIt}
                      </button>
                      <button
                        type="button"
                        data-testid="check-speakers-not-heard"
                        onClick={() => void answerSpeakers(false)}
                      >
                        {m.heardNothing}
                      </button>
                    </span>
                  )}
                </CheckItemRow>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}
