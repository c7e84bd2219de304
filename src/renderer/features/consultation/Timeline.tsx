import type { TimelineEvent } from '../../../shared/domain/consultation';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { consultationMessages } from './consultation-messages';

/** The record's events in order, each with its time; shared by the live consultation and the records. */
export function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  const m = useMessages(consultationMessages);
  const format = useFormat();
  if (events.length === 0) return <p className="consult-empty">{m.timelineEmpty}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((event, index) => (
        <li key={index} className={`timeline-item timeline-item--${event.kind}`} data-kind={event.kind}>
          <time className="timeline-time" dateTime={event.time}>
            {format.time(new Date(event.time), true)}
          </time>
          <span className="timeline-text">{m.event(event)}</span>
        </li>
      ))}
    </ol>
  );
}
