/**
 * Opus settings for the stethoscope stream, written into the SDP because browsers expose no API
 * for them (reference/market-and-standards.md §A4): mono, a high average bitrate so heart and lung
 * sounds keep their low-frequency detail, in-band FEC against loss, and no DTX — DTX would cut the
 * quiet gaps between heart sounds as "silence".
 */
export const STETHOSCOPE_OPUS_PARAMS: Readonly<Record<string, string>> = {
  stereo: '0',
  'sprop-stereo': '0',
  maxaveragebitrate: '96000',
  useinbandfec: '1',
  usedtx: '0',
};

/** Which audio sections to change: by the stream id in their msid, or by their direction. */
export type AudioSectionMatch = (section: string) => boolean;

export const sectionSendsStream =
  (streamId: string): AudioSectionMatch =>
  (section) =>
    new RegExp(`^a=msid:${escapeRegExp(streamId)}(?:\\s|$)`, 'm').test(section);

/**
 * The consultant receives the stethoscope on the one audio section it does not send on; its own
 * microphone pairs with the station's voice section (sendrecv).
 */
export const sectionIsReceiveOnly: AudioSectionMatch = (section) => /^a=recvonly\s*$/m.test(section);

/** Returns the SDP with the stethoscope Opus parameters set on every matching audio section. */
export function mungeOpus(
  sdp: string,
  matches: AudioSectionMatch,
  params: Readonly<Record<string, string>> = STETHOSCOPE_OPUS_PARAMS,
): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const sections = sdp.split(/(?=^m=)/m);
  return sections
    .map((section) =>
      section.startsWith('m=audio') && matches(section) ? mungeSection(section, params, eol) : section,
    )
    .join('');
}

function mungeSection(section: string, params: Readonly<Record<string, string>>, eol: string): string {
  const lines = section.split(eol);
  const rtpmapAt = lines.findIndex((line) => /^a=rtpmap:\d+ opus\/48000/i.test(line));
  if (rtpmapAt === -1) return section; // no Opus offered here: leave the section alone
  const payload = /^a=rtpmap:(\d+)/.exec(lines[rtpmapAt] ?? '')?.[1] ?? '';
  const prefix = `a=fmtp:${payload} `;
  const fmtpAt = lines.findIndex((line) => line.startsWith(prefix));
  if (fmtpAt === -1) {
    lines.splice(rtpmapAt + 1, 0, prefix + mergeParams('', params));
  } else {
    lines[fmtpAt] = prefix + mergeParams((lines[fmtpAt] ?? '').slice(prefix.length), params);
  }
  return lines.join(eol);
}

export function mergeParams(fmtp: string, params: Readonly<Record<string, string>>): string {
  const entries = new Map<string, string>();
  for (const part of fmtp.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== undefined && key !== '') entries.set(key, value.join('='));
  }
  for (const [key, value] of Object.entries(params)) entries.set(key, value);
  return [...entries].map(([key, value]) => (value === '' ? key : `${key}=${value}`)).join(';');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
