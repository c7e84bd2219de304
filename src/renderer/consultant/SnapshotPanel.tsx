import { useMessages } from '../i18n/use-messages';
import { useStore } from '../features/use-store';
import { consultantMessages, type ConsultantMessages } from './consultant-messages';
import { requestFailureMessages, type RequestFailure } from './request-failure';
import type { SnapshotGallery, SnapshotStatus } from './snapshot-gallery';

/** Request a full-resolution still of the instrument camera; show and download the stills. */
export function SnapshotPanel({ gallery, enabled }: { gallery: SnapshotGallery; enabled: boolean }) {
  const m = useMessages(consultantMessages);
  const failures = useMessages(requestFailureMessages);
  const items = useStore(gallery.items);
  const status = useStore(gallery.status);
  return (
    <section className="snapshots" aria-label={m.snapshots}>
      <button
        className="button button--large"
        type="button"
        disabled={!enabled}
        data-testid="snapshot-request"
        onClick={() => gallery.request()}
      >
        {m.takeSnapshot}
      </button>
      {status !== null && <span data-testid="snapshot-status">{statusText(m, status, failures.reason)}</span>}
      <ul className="snapshot-list" data-testid="snapshot-gallery">
        {items.map((item) => (
          <li key={item.id} className="snapshot-item">
            <a href={item.url} download={item.fileName} title={m.snapshotDownload(item.width, item.height)}>
              <img
                className="snapshot-thumb"
                src={item.url}
                alt={m.snapshotAlt(item.width, item.height)}
                data-width={item.width}
              />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function statusText(
  m: ConsultantMessages,
  status: SnapshotStatus,
  reason: (why: RequestFailure) => string,
): string {
  switch (status.kind) {
    case 'taking':
      return m.snapshotTaking;
    case 'not-connected':
      return m.notConnected;
    case 'failed':
      return m.snapshotFailed(reason(status.why));
  }
}
