import { checkItem, type CheckItem } from '../../../shared/domain/equipment-check';

import type { CheckMessages } from './check-messages';

/** What the page can do at all: WebRTC, getUserMedia, a secure context, the codecs calls use. */
export const REQUIRED_CODECS = [
  { name: 'VP8', kind: 'video', mime: 'video/vp8' },
  { name: 'H.264', kind: 'video', mime: 'video/h264' },
  { name: 'Opus', kind: 'audio', mime: 'audio/opus' },
] as const;

export interface RuntimeFacts {
  readonly peerConnection: boolean;
  readonly getUserMedia: boolean;
  readonly secureContext: boolean;
  /** Lower-case MIME types the sender can encode. */
  readonly codecs: readonly string[];
}

export function runtimeFacts(): RuntimeFacts {
  const capabilities = (kind: 'audio' | 'video'): string[] =>
    typeof RTCRtpSender === 'undefined' || typeof RTCRtpSender.getCapabilities !== 'function'
      ? []
      : (RTCRtpSender.getCapabilities(kind)?.codecs ?? []).map((codec) => codec.mimeType.toLowerCase());
  return {
    peerConnection: typeof RTCPeerConnection === 'function',
    getUserMedia: typeof navigator.mediaDevices?.getUserMedia === 'function',
    secureContext: window.isSecureContext,
    codecs: [...capabilities('video'), ...capabilities('audio')],
  };
}

/** Pure, from the facts: one item each. */
export function runtimeChecks(m: CheckMessages, facts: RuntimeFacts): CheckItem[] {
  const found = REQUIRED_CODECS.filter((codec) => facts.codecs.includes(codec.mime)).map((c) => c.name);
  const missing = REQUIRED_CODECS.filter((codec) => !facts.codecs.includes(codec.mime)).map((c) => c.name);
  // Without VP8 or Opus no call works with our peers; without H.264 only some consultant devices suffer.
  const essentialMissing = missing.some((name) => name !== 'H.264');
  return [
    checkItem({
      id: 'runtime.webrtc',
      category: 'runtime',
      status: facts.peerConnection ? 'pass' : 'fail',
      code: facts.peerConnection ? 'ok' : 'missing',
      title: m.webrtcTitle,
      detail: facts.peerConnection ? m.webrtcOk : m.webrtcMissing,
      fix: facts.peerConnection ? '' : m.browserFix,
    }),
    checkItem({
      id: 'runtime.getusermedia',
      category: 'runtime',
      status: facts.getUserMedia ? 'pass' : 'fail',
      code: facts.getUserMedia ? 'ok' : 'missing',
      title: m.mediaTitle,
      detail: facts.getUserMedia ? m.mediaOk : m.mediaMissing,
      fix: facts.getUserMedia ? '' : facts.secureContext ? m.browserFix : m.secureFix,
    }),
    checkItem({
      id: 'runtime.secure-context',
      category: 'runtime',
      status: facts.secureContext ? 'pass' : 'fail',
      code: facts.secureContext ? 'ok' : 'insecure',
      title: m.secureTitle,
      detail: facts.secureContext ? m.secureOk : m.secureMissing,
      fix: facts.secureContext ? '' : m.secureFix,
    }),
    checkItem({
      id: 'runtime.codecs',
      category: 'runtime',
      status: missing.length === 0 ? 'pass' : essentialMissing ? 'fail' : 'warn',
      code: missing.length === 0 ? 'ok' : 'missing',
      title: m.codecsTitle,
      detail: [
        found.length > 0 ? m.codecsFound(found.join(', ')) : '',
        missing.length > 0 ? m.codecsMissing(missing.join(', ')) : '',
      ]
        .filter(Boolean)
        .join(' '),
      fix: missing.length === 0 ? '' : essentialMissing ? m.browserFix : m.codecsMissingFix,
      measured: Object.fromEntries(
        REQUIRED_CODECS.map((codec) => [codec.name, facts.codecs.includes(codec.mime)]),
      ),
    }),
  ];
}
