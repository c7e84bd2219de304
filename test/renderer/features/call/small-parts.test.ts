import { readCallFlags } from '../../../../src/renderer/features/call/call-flags';
import {
  hello,
  newEpoch,
  parseEnvelope,
  restartRequest,
  wrapSignal,
} from '../../../../src/renderer/features/call/signal-envelope';
import { measureLevel } from '../../../../src/renderer/features/call/media/level-meter';
import { stethoscopeConstraints } from '../../../../src/renderer/features/call/media/constraints';
import {
  rejoinDelayMs,
  DEFAULT_RECONNECT_TIMING,
} from '../../../../src/renderer/features/call/reconnect-timing';

describe('stethoscope input', () => {
  it('asks for every voice processing step off, mono', () => {
    expect(stethoscopeConstraints('dev1').audio).toEqual({
      deviceId: { exact: 'dev1' },
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false,
      channelCount: 1,
    });
  });

  it('flags clipping at full scale', () => {
    expect(measureLevel(new Float32Array([0.1, -0.2])).clipping).toBe(false);
    const level = measureLevel(new Float32Array([0.1, -0.99]));
    expect(level.clipping).toBe(true);
    expect(level.peak).toBeCloseTo(0.99);
  });
});

describe('flags and timing', () => {
  it('reads relay and probe switches from the query', () => {
    expect(readCallFlags('?relay=1&probe=1')).toEqual({ relayOnly: true, probe: true });
    expect(readCallFlags('')).toEqual({ relayOnly: false, probe: false });
  });

  it('backs off rejoins up to a ceiling', () => {
    expect([0, 1, 2, 10].map((n) => rejoinDelayMs(n, DEFAULT_RECONNECT_TIMING))).toEqual([
      250, 500, 1000, 1000,
    ]);
  });
});

describe('signal envelopes', () => {
  it('carries an epoch and a generation with each signal, restarts, hellos and goodbyes, and refuses the rest', () => {
    const epoch = 'epochAAAA';
    expect(parseEnvelope(wrapSignal(epoch, 3, { type: 'offer', sdp: 'x' }))).toEqual({
      kind: 'signal',
      epoch,
      gen: 3,
      signal: { type: 'offer', sdp: 'x' },
    });
    expect(parseEnvelope(restartRequest(epoch, 'stationEE', 2))).toEqual({
      kind: 'restart',
      epoch,
      peerEpoch: 'stationEE',
      gen: 2,
    });
    expect(parseEnvelope(hello(epoch, null, 0, false, 1))).toEqual({
      kind: 'hello',
      epoch,
      peerEpoch: null,
      gen: 0,
      live: false,
      seat: 1,
    });
    expect(parseEnvelope({ bye: true })).toEqual({ kind: 'bye' });
    expect(parseEnvelope({ epoch, gen: -1, signal: {} })).toBeNull();
    expect(parseEnvelope({ epoch, gen: 1, signal: [] })).toBeNull();
    expect(parseEnvelope({ gen: 1, signal: {} })).toBeNull();
    expect(parseEnvelope({ epoch: 'no', gen: 1, signal: {} })).toBeNull();
    expect(parseEnvelope({ epoch, gen: 1, restart: true })).toBeNull();
    expect(newEpoch()).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
