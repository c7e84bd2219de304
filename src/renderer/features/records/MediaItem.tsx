import { useEffect, useState } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import type { MediaInfo } from '../../../shared/domain/consultation';
import type { BackendClient } from '../../backend-client/backend-client';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { base64ToBytes } from '../call/media/base64';
import { recordsMessages } from './records-messages';

/** One attachment, fetched from the record when shown: a snapshot as an image, a WAV playable. */
export function MediaItem({ client, id, media }: { client: BackendClient; id: string; media: MediaInfo }) {
  const m = useMessages(recordsMessages);
  const problemText = useProblemText();
  const format = useFormat();
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let created: string | null = null;
    client
      .call('consultation.media', { id, mediaId: media.id })
      .then(({ mime, dataBase64 }) => {
        if (!live) return;
        created = URL.createObjectURL(new Blob([base64ToBytes(dataBase64) as BlobPart], { type: mime }));
        setUrl(created);
      })
      .catch((cause: unknown) => live && setProblem(problemText(cause)));
    return () => {
      live = false;
      if (created !== null) URL.revokeObjectURL(created);
    };
  }, [client, id, media.id, problemText]);
  const time = format.time(new Date(media.takenAt), true);
  return (
    <li className="record-media-item" data-testid={`record-media-${media.kind}`} data-media-id={media.id}>
      {problem !== null && <span className="consult-error">{m.mediaFailed(problem)}</span>}
      {media.kind === 'snapshot' && url !== null && (
        <img className="record-media-image" src={url} alt={m.snapshotAlt(time)} />
      )}
      {media.kind === 'stethoscope' && (
        <figure className="record-media-audio">
          <figcaption>
            {m.stethoscopeLabel(
              time,
              media.durationS === undefined ? '' : format.duration(Math.round(media.durationS)),
            )}
          </figcaption>
          {url !== null && <audio controls src={url} preload="metadata" />}
        </figure>
      )}
    </li>
  );
}
