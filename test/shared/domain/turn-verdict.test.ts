import { turnVerdict, type TurnLineOutcome } from '../../../src/shared/domain/turn-verdict';

const line = (
  kind: TurnLineOutcome['kind'],
  status: TurnLineOutcome['status'],
  code = 'x',
): TurnLineOutcome => ({
  kind,
  status,
  code,
});

describe('the TURN verdict over its lines', () => {
  it('passes when every path and the peer policy pass', () => {
    expect(
      turnVerdict([line('udp', 'pass', 'ok'), line('peers', 'pass', 'ok'), line('tcp', 'pass', 'ok')]),
    ).toEqual({ status: 'pass', code: 'ok', fixLine: null });
  });

  it('is degraded when one path works and another does not, with the failing path’s fix', () => {
    expect(
      turnVerdict([line('udp', 'fail', 'timeout'), line('tcp', 'pass', 'ok'), line('relay', 'pass', 'ok')]),
    ).toEqual({ status: 'warn', code: 'degraded', fixLine: 0 });
  });

  it('fails when no path works, giving the host’s fix before the browser’s', () => {
    expect(
      turnVerdict([
        line('relay', 'fail', 'no-relay-candidate'),
        line('udp', 'fail', 'refused'),
        line('tcp', 'fail', 'refused'),
      ]),
    ).toEqual({ status: 'fail', code: 'refused', fixLine: 1 });
  });

  it('puts a wrong secret or address first: it is the one fix that matters', () => {
    expect(turnVerdict([line('udp', 'fail', 'timeout'), line('tcp', 'fail', 'auth-failed')])).toMatchObject({
      status: 'fail',
      code: 'auth-failed',
      fixLine: 1,
    });
    expect(
      turnVerdict([line('udp', 'pass', 'ok'), line('peers', 'warn', 'relays-private'), line('url', 'fail')]),
    ).toMatchObject({ status: 'warn', code: 'degraded', fixLine: 2 });
  });

  it('warns when relaying works but reaches private addresses', () => {
    expect(turnVerdict([line('udp', 'pass', 'ok'), line('peers', 'warn', 'relays-private')])).toEqual({
      status: 'warn',
      code: 'degraded',
      fixLine: 1,
    });
  });

  it('stays a warning when nothing is set up to test (no secret), and skips what was not tested', () => {
    expect(turnVerdict([line('udp', 'warn', 'no-secret'), line('tcp', 'warn', 'no-secret')])).toEqual({
      status: 'warn',
      code: 'no-secret',
      fixLine: 0,
    });
    expect(turnVerdict([line('relay', 'skipped', 'tls-only'), line('tcp', 'pass', 'ok')])).toMatchObject({
      status: 'pass',
    });
    expect(turnVerdict([])).toMatchObject({ status: 'skipped' });
  });
});
