import {
  ASSOCIATION_REQUEST_BODY,
  RELEASE_REQUEST_BODY,
  associationRequest,
  mdsCreateResult,
  pollNumericsRequest,
} from '../../../src/devices/philips-intellivue-mib/commands';
import {
  associationResult,
  mdsCreateEvent,
  pollNumericsReply,
  releaseResponse,
  remoteError,
} from '../../../src/devices/philips-intellivue-mib/device-encoder';
import { encodeFrame, parseFrame } from '../../../src/devices/philips-intellivue-mib/frames';
import { parseMessage } from '../../../src/devices/philips-intellivue-mib/messages';
import { bytesToHex, hexToBytes } from '../../../src/devices/framing/hex';

const body = (wire: Uint8Array): Uint8Array => {
  const parsed = parseFrame(wire);
  if (!(parsed instanceof Uint8Array)) throw new Error(parsed.detail);
  return parsed;
};
const parse = (wire: Uint8Array) => parseMessage(body(wire));

const UNDATED = { relativeTimeStamp: null, absoluteTimeStamp: null };

describe('station → monitor messages (VSCaptureMP DataConstants)', () => {
  it('association request: CN SPDU whose length indicator covers the rest', () => {
    expect(ASSOCIATION_REQUEST_BODY[0]).toBe(0x0d);
    expect(ASSOCIATION_REQUEST_BODY.length).toBe(2 + ASSOCIATION_REQUEST_BODY[1]);
    expect(body(associationRequest())).toEqual(ASSOCIATION_REQUEST_BODY);
    // The poll profile: min period 0x3E8, MTU rx 0x9C4, tx 0x3E8, extended option 0x8C000000.
    expect(bytesToHex(ASSOCIATION_REQUEST_BODY.subarray(186, 202))).toBe(
      '00 00 03 E8 00 00 09 C4 00 00 03 E8 FF FF FF FF',
    );
  });

  it('release request: FN SPDU', () => {
    expect(RELEASE_REQUEST_BODY.length).toBe(2 + RELEASE_REQUEST_BODY[1]);
    expect(RELEASE_REQUEST_BODY[0]).toBe(0x09);
  });

  it('MDS create result with invoke id 1 equals mds_create_resp_msg', () => {
    expect(bytesToHex(body(mdsCreateResult(1)))).toBe(
      'E1 00 00 02 00 02 00 14 00 01 00 01 00 0E 00 21 00 00 00 00 00 0A BD 00 0D 06 00 00',
    );
  });

  it('numerics poll 1 with invoke id 1 equals ext_poll_request_msg', () => {
    expect(bytesToHex(body(pollNumericsRequest(1, 1)))).toBe(
      'E1 00 00 02 00 01 00 20 00 01 00 07 00 1A 00 21 00 00 00 00 00 00 00 00 F1 3B 00 0C 00 01 00 01 00 06 00 00 00 00 00 00',
    );
    expect(bytesToHex(body(pollNumericsRequest(0x1234, 0xbeef)).subarray(8, 10))).toBe('BE EF');
    expect(bytesToHex(body(pollNumericsRequest(0x1234, 0xbeef)).subarray(28, 30))).toBe('12 34');
  });
});

describe('monitor → station messages', () => {
  it.each([
    [associationResult(true), 'accepted'],
    [associationResult(false), 'refused'],
    [releaseResponse(), 'released'],
    [encodeFrame(hexToBytes('19 2E 11 01 03 C1 29 A0 80')), 'aborted'],
  ])('session message → association %s', (wire, result) => {
    expect(parse(wire)).toEqual({ kind: 'association', result });
  });

  it('a release request from the monitor', () => {
    expect(parseMessage(RELEASE_REQUEST_BODY)).toEqual({ kind: 'release-request' });
  });

  it('MDS create event → its invoke id and event time', () => {
    expect(parse(mdsCreateEvent(0x0102, 0x00abcdef))).toEqual({
      kind: 'mds-create',
      invokeId: 0x0102,
      eventTime: 0x00abcdef,
    });
  });

  it('remote operation error', () => {
    expect(parse(remoteError(7, 3))).toEqual({ kind: 'remote-error', invokeId: 7, errorValue: 3 });
  });

  it('poll result: single and compound numerics with state, unit and FLOAT-Type value', () => {
    const wire = pollNumericsReply(5, 9, 1000, [
      { handle: 1, values: [{ physioId: 0x4182, unitCode: 0x0aa0, value: 72 }] },
      {
        handle: 2,
        compound: true,
        values: [
          { physioId: 0x4a05, unitCode: 0x0f20, value: 120 },
          { physioId: 0x4a06, unitCode: 0x0f20, value: 80 },
          { physioId: 0x4a07, unitCode: 0x0f20, value: null, state: 0x2000 },
        ],
      },
      { handle: 3, values: [{ physioId: 0x4b48, unitCode: 0x17a0, value: 36.6 }] },
    ]);
    expect(parse(wire)).toEqual({
      kind: 'poll-result',
      invokeId: 5,
      pollNumber: 9,
      objectCode: 6,
      time: { relative: 1000, absolute: null },
      observations: [
        { handle: 1, physioId: 0x4182, state: 0, unitCode: 0x0aa0, value: 72, ...UNDATED },
        { handle: 2, physioId: 0x4a05, state: 0, unitCode: 0x0f20, value: 120, ...UNDATED },
        { handle: 2, physioId: 0x4a06, state: 0, unitCode: 0x0f20, value: 80, ...UNDATED },
        { handle: 2, physioId: 0x4a07, state: 0x2000, unitCode: 0x0f20, value: null, ...UNDATED },
        { handle: 3, physioId: 0x4b48, state: 0, unitCode: 0x17a0, value: 36.6, ...UNDATED },
      ],
    });
  });

  it('a hand-built single-poll result (NOM_ACT_POLL_MDIB_DATA, no sequence number)', () => {
    const message = hexToBytes(`
      E1 00 00 02  00 02 00 42  00 03 00 07 00 3C  00 21 00 00 00 00  0C 16 00 32
      00 04  00 00 00 10  20 26 11 25 16 00 00 00  00 01 00 06  00 00
      00 01 00 1A  00 00  00 01 00 14  00 07  00 01 00 0E  09 50 00 0A  4B B8 00 00 02 20 00 00 00 61`);
    expect(parseMessage(message)).toEqual({
      kind: 'poll-result',
      invokeId: 3,
      pollNumber: 4,
      objectCode: 6,
      // rel_time_stamp 0x10 (2 ms); abs_time_stamp BCD 2026-11-25 16:00:00.00
      time: { relative: 16, absolute: Date.UTC(2026, 10, 25, 16, 0, 0) },
      observations: [{ handle: 7, physioId: 0x4bb8, state: 0, unitCode: 0x0220, value: 97, ...UNDATED }],
    });
  });

  it("reads an observation's own time stamps (NOM_ATTR_TIME_STAMP_REL 0x0991, _ABS 0x0990), in any order", () => {
    // One NIBP compound (sys 120, dia 80, mean 93) dated by its absolute time stamp first, then
    // its relative one: 2026-11-22 08:39:12.50 and RelativeTime 0x00001F40 (1 s).
    const message = hexToBytes(`
      E1 00 00 02  00 02 00 6E  00 03 00 07 00 68  00 21 00 00 00 00  0C 16 00 5E
      00 04  00 00 4E 20  FF FF FF FF FF FF FF FF  00 01 00 06  00 00
      00 01 00 46  00 00  00 01 00 40  00 04  00 03 00 3A
        09 90 00 08  20 26 11 22 08 39 12 50
        09 4B 00 22  00 03 00 1E
          4A 05 00 00 0F 20 00 00 00 78
          4A 06 00 00 0F 20 00 00 00 50
          4A 07 00 00 0F 20 00 00 00 5D
        09 91 00 04  00 00 1F 40`);
    const dated = { relativeTimeStamp: 0x1f40, absoluteTimeStamp: Date.UTC(2026, 10, 22, 8, 39, 12, 500) };
    expect(parseMessage(message)).toEqual({
      kind: 'poll-result',
      invokeId: 3,
      pollNumber: 4,
      objectCode: 6,
      time: { relative: 20000, absolute: null },
      observations: [
        { handle: 4, physioId: 0x4a05, state: 0, unitCode: 0x0f20, value: 120, ...dated },
        { handle: 4, physioId: 0x4a06, state: 0, unitCode: 0x0f20, value: 80, ...dated },
        { handle: 4, physioId: 0x4a07, state: 0, unitCode: 0x0f20, value: 93, ...dated },
      ],
    });
  });

  it('an unset (0xFF) or non-BCD absolute time stamp is no time', () => {
    const stamped = (bcd: string) =>
      hexToBytes(`
      E1 00 00 02  00 02 00 4E  00 03 00 07 00 48  00 21 00 00 00 00  0C 16 00 3E
      00 04  00 00 00 10  FF FF FF FF FF FF FF FF  00 01 00 06  00 00
      00 01 00 26  00 00  00 01 00 20  00 07  00 02 00 1A
        09 50 00 0A  4B B8 00 00 02 20 00 00 00 61
        09 90 00 08  ${bcd}`);
    const stampOf = (bcd: string) =>
      (parseMessage(stamped(bcd)) as unknown as { observations: { absoluteTimeStamp: number | null }[] })
        .observations[0].absoluteTimeStamp;
    expect(stampOf('20 26 11 22 08 39 12 00')).toBe(Date.UTC(2026, 10, 22, 8, 39, 12));
    expect(stampOf('FF FF FF FF FF FF FF FF')).toBeNull();
    expect(stampOf('20 26 1A 22 08 39 12 00')).toBeNull(); // 0x1A is not BCD
    expect(stampOf('20 26 13 22 08 39 12 00')).toBeNull(); // month 13
    expect(stampOf('20 26 02 31 08 39 12 00')).toBeNull(); // 31 February
  });

  it('skips attributes it does not decode, and results of other actions', () => {
    const message = hexToBytes(`
      E1 00 00 02  00 02 00 38  00 03 00 07 00 32  00 21 00 00 00 00  0C 16 00 28
      00 04  00 00 00 10  20 26 11 25 16 00 00 00  00 01 00 06  00 00
      00 01 00 10  00 00  00 01 00 0A  00 07  00 01 00 04  09 24 00 00`);
    expect(parseMessage(message)).toMatchObject({ kind: 'poll-result', observations: [] });
    expect(parseMessage(hexToBytes('E1 00 00 02 00 02 00 06 00 01 00 03 00 00'))).toMatchObject({
      kind: 'other',
    });
  });

  it('drops truncated messages and unknown session bytes as frame errors', () => {
    const full = body(
      pollNumericsReply(1, 1, 0, [{ handle: 1, values: [{ physioId: 1, unitCode: 1, value: 1 }] }]),
    );
    for (let cut = 1; cut < full.length; cut++) {
      expect(parseMessage(full.subarray(0, cut))).toMatchObject({ kind: 'frame-error' });
    }
    expect(parseMessage(hexToBytes('42 00'))).toMatchObject({ kind: 'frame-error', code: 'unknown-type' });
    expect(parseMessage(new Uint8Array(0))).toMatchObject({ kind: 'frame-error', code: 'malformed' });
    expect(parseMessage(hexToBytes('E1 00 00 02 00 09 00 00'))).toMatchObject({ code: 'unknown-type' });
  });
});
