import type { Rung } from './quality-ladder';

/**
 * What each sender may use on each rung of the ladder (RTCRtpSender.setParameters, no
 * renegotiation). Audio always has `priority`/`networkPriority: 'high'` and video 'low': under
 * congestion the bandwidth allocator and the network (DSCP, where honoured) serve the stethoscope
 * and the voice first.
 *
 * On the lowest rung video stops (`active: false`: no packets at all, unlike a disabled track,
 * which still sends black frames) and the audio shrinks so that audio and vitals fit 150 kbit/s:
 * stethoscope 32 kbit/s, voice 16 kbit/s. With 20 ms packets each stream also costs ~25 kbit/s of
 * RTP/SRTP/UDP/IP headers, so ~100 kbit/s on the wire, leaving ~40 for the vitals (~10 on the wire)
 * and RTCP. Why 32 kbit/s is still enough for a stethoscope: heart sounds lie in 20–200 Hz and lung
 * sounds mostly below 1–2 kHz (crackles up to ~4 kHz); Opus (CELT, `contentHint = 'music'`, no DTX)
 * at 32 kbit/s mono codes a 12 kHz (super-wideband) band, and never goes below 8 kHz (wideband)
 * at 24 kbit/s and more — far above what a chest piece carries. The full 96 kbit/s comes back on
 * every other rung.
 */
export type SenderRole = 'stethoscope' | 'voice' | 'room-video' | 'instrument-video';

type Encoding = Pick<
  RTCRtpEncodingParameters,
  'active' | 'maxBitrate' | 'maxFramerate' | 'scaleResolutionDownBy' | 'priority' | 'networkPriority'
>;

const AUDIO = { active: true, priority: 'high', networkPriority: 'high' } as const;
const VIDEO = { priority: 'low', networkPriority: 'low' } as const;

export const RUNG_ENCODINGS: Readonly<Record<Rung, Readonly<Record<SenderRole, Encoding>>>> = {
  full: {
    stethoscope: { ...AUDIO, maxBitrate: 96_000 },
    voice: { ...AUDIO, maxBitrate: 32_000 },
    'room-video': {
      ...VIDEO,
      active: true,
      maxBitrate: 1_500_000,
      scaleResolutionDownBy: 1,
      maxFramerate: 30,
    },
    'instrument-video': {
      ...VIDEO,
      active: true,
      maxBitrate: 2_500_000,
      scaleResolutionDownBy: 1,
      maxFramerate: 30,
    },
  },
  reduced: {
    stethoscope: { ...AUDIO, maxBitrate: 96_000 },
    voice: { ...AUDIO, maxBitrate: 32_000 },
    'room-video': { ...VIDEO, active: true, maxBitrate: 400_000, scaleResolutionDownBy: 2, maxFramerate: 15 },
    // The instrument is judged on detail: it keeps more pixels and gives up frames first.
    'instrument-video': {
      ...VIDEO,
      active: true,
      maxBitrate: 600_000,
      scaleResolutionDownBy: 1.5,
      maxFramerate: 10,
    },
  },
  low: {
    stethoscope: { ...AUDIO, maxBitrate: 96_000 },
    voice: { ...AUDIO, maxBitrate: 32_000 },
    'room-video': { ...VIDEO, active: true, maxBitrate: 100_000, scaleResolutionDownBy: 4, maxFramerate: 8 },
    'instrument-video': {
      ...VIDEO,
      active: true,
      maxBitrate: 150_000,
      scaleResolutionDownBy: 3,
      maxFramerate: 5,
    },
  },
  'audio-only': {
    stethoscope: { ...AUDIO, maxBitrate: 32_000 },
    voice: { ...AUDIO, maxBitrate: 16_000 },
    'room-video': { ...VIDEO, active: false, maxBitrate: 30_000, scaleResolutionDownBy: 4, maxFramerate: 5 },
    'instrument-video': {
      ...VIDEO,
      active: false,
      maxBitrate: 30_000,
      scaleResolutionDownBy: 4,
      maxFramerate: 5,
    },
  },
};

/** Applies a rung to every sender whose track has a role; a sender that refuses is reported, not fatal. */
export async function applyRung(
  connection: RTCPeerConnection,
  rung: Rung,
  roleOf: (track: MediaStreamTrack) => SenderRole | null,
): Promise<void> {
  for (const sender of connection.getSenders()) {
    const role = sender.track === null ? null : roleOf(sender.track);
    if (role === null) continue;
    const parameters = sender.getParameters();
    if (parameters.encodings.length === 0) continue; // not negotiated yet: applied on the next connection
    const wanted = RUNG_ENCODINGS[rung][role];
    parameters.encodings = parameters.encodings.map((encoding) => ({ ...encoding, ...wanted }));
    try {
      await sender.setParameters(parameters);
    } catch (cause) {
      console.warn(`quality ladder: ${role} refused ${rung}`, cause);
    }
  }
}
