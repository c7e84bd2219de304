import {
  mergeParams,
  mungeOpus,
  sectionIsReceiveOnly,
  sectionSendsStream,
} from '../../../../src/renderer/features/call/media/opus-sdp';

const SDP = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 63',
  'a=mid:0',
  'a=sendrecv',
  'a=msid:room-stream voice-track',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'a=mid:1',
  'a=msid:room-stream video-track',
  'a=rtpmap:96 VP8/90000',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'a=mid:2',
  'a=sendonly',
  'a=msid:steth-stream steth-track',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  '',
].join('\r\n');

const fmtpOf = (sdp: string, mid: string): string | undefined =>
  sdp
    .split(/(?=^m=)/m)
    .find((section) => section.includes(`a=mid:${mid}\r\n`))
    ?.match(/^a=fmtp:111 (.*)$/m)?.[1]
    ?.trim();

describe('Opus SDP munging for the stethoscope', () => {
  it('sets mono, 96 kbit/s, FEC on and DTX off on the stethoscope section only', () => {
    const munged = mungeOpus(SDP, sectionSendsStream('steth-stream'));
    expect(fmtpOf(munged, '2')).toBe(
      'minptime=10;useinbandfec=1;stereo=0;sprop-stereo=0;maxaveragebitrate=96000;usedtx=0',
    );
    expect(fmtpOf(munged, '0')).toBe('minptime=10;useinbandfec=1'); // the voice keeps its defaults
    expect(munged.split('\r\n').length).toBe(SDP.split('\r\n').length);
  });

  it('adds an fmtp line when the section has none', () => {
    const bare = SDP.replace(/a=fmtp:111 minptime=10;useinbandfec=1\r\n(?=$)/, '');
    const withoutSteth = bare.replace(
      /(a=msid:steth-stream steth-track\r\na=rtpmap:111 opus\/48000\/2\r\n)a=fmtp[^\r]*\r\n/,
      '$1',
    );
    const munged = mungeOpus(withoutSteth, sectionSendsStream('steth-stream'));
    expect(fmtpOf(munged, '2')).toContain('maxaveragebitrate=96000');
  });

  it('on the answering side picks the receive-only audio section', () => {
    const answer = SDP.replace('a=sendonly', 'a=recvonly').replace('a=msid:steth-stream steth-track\r\n', '');
    const munged = mungeOpus(answer, sectionIsReceiveOnly);
    expect(fmtpOf(munged, '2')).toContain('usedtx=0');
    expect(fmtpOf(munged, '0')).toBe('minptime=10;useinbandfec=1');
  });

  it('leaves an SDP without a matching section untouched', () => {
    expect(mungeOpus(SDP, sectionSendsStream('nobody'))).toBe(SDP);
  });

  it('merges parameters, ours winning', () => {
    expect(mergeParams('stereo=1;x=2', { stereo: '0' })).toBe('stereo=0;x=2');
  });
});
