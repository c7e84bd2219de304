import { useStore } from '../features/use-store';
import type { SnapshotGallery } from './snapshot-gallery';

/** Request a full-resolution still of the instrument camera; show and download the stills. */
export function SnapshotPanel({ gallery, enabled }: { gallery: SnapshotGallery; enabled: boolean }) {
  const items = useStore(gallery.items);
  const status = useStore(gallery.status);
  return (
    <section className="snapshots" aria-label="Snapshots">
      <button
        className="button button--large"
        type="button"
        disabled={!enabled}
        data-testid="snapshot-request"
        onClick={() => gallery.request()}
      >
        Take snapshot
      </button>
      {status !== null && <span data-testid="snapshot-status">{status}</span>}
      <ul className="snapshot-list" data-testid="snapshot-gallery">
        {items.map((item) => (
          <li key={item.id} className="snapshot-item">
            <a href={item.url} download={item.fileName} title={`Download ${item.width}×${item.height}`}>
              <img
                className="snapshot-thumb"
                src={item.url}
                alt={`Snapshot ${item.width}×${item.height}`}
                data-width={item.width}
              />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
