import { useEffect, useRef } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { callMessages } from './call-messages';

interface VideoViewProps {
  readonly stream: MediaStream | null;
  /** Self views and the second copy of a stream are muted; the remote room stream plays sound. */
  readonly muted: boolean;
  readonly label: string;
  readonly testId: string;
  readonly className?: string;
  /** Self view is mirrored, as people expect from a mirror. */
  readonly mirrored?: boolean;
}

/** A <video> bound to a MediaStream (srcObject cannot be set from JSX). */
export function VideoView({ stream, muted, label, testId, className, mirrored = false }: VideoViewProps) {
  const m = useMessages(callMessages);
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video === null) return;
    video.srcObject = stream;
    if (stream !== null) void video.play().catch(() => undefined); // autoplay may wait for a gesture
  }, [stream]);
  return (
    <figure className={`video-view ${className ?? ''}`} data-has-stream={stream === null ? 'false' : 'true'}>
      <video
        ref={ref}
        className={mirrored ? 'video-view-video video-view-video--mirrored' : 'video-view-video'}
        data-testid={testId}
        autoPlay
        playsInline
        muted={muted}
        aria-label={label}
      />
      <figcaption className="video-view-label">{stream === null ? m.noVideo(label) : label}</figcaption>
    </figure>
  );
}
