import { createEventLog, MAX_FIELD_CHARS } from '../../../src/core/signaling/event-log';

const NOW = Date.UTC(2026, 11, 5, 23, 0, 0, 123);

function capture(format: 'json' | 'text') {
  const lines: string[] = [];
  return {
    lines,
    log: createEventLog(
      (line) => lines.push(line),
      format,
      () => NOW,
    ),
  };
}

describe('rendezvous event log', () => {
  it('writes one JSON object per line: time, level, event, then the fields', () => {
    const { lines, log } = capture('json');
    log('info', 'rendezvous.listening', { url: 'https://rdv.example.org/', turnServers: 3, tls: true });
    log('warn', 'turn.server-down', { server: '10.0.0.7:3478' });
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        time: '2026-12-05T23:00:00.123Z',
        level: 'info',
        event: 'rendezvous.listening',
        url: 'https://rdv.example.org/',
        turnServers: 3,
        tls: true,
      },
      { time: '2026-12-05T23:00:00.123Z', level: 'warn', event: 'turn.server-down', server: '10.0.0.7:3478' },
    ]);
    expect(Object.keys(JSON.parse(lines[0]) as object).slice(0, 3)).toEqual(['time', 'level', 'event']);
  });

  it('never writes a field named for a secret, whatever its value', () => {
    const { lines, log } = capture('json');
    log('info', 'join.refused', {
      token: 'v1.eyJyb29tIjoi.sig',
      resumeToken: 'abc',
      inviteUrl: 'https://rdv/consultant.html#invite=v1.x.y',
      turnSecret: 's3cret',
      credential: 'pw',
      Authorization: 'Bearer x',
      code: 'replayed-token',
    });
    const line = lines[0];
    for (const leaked of ['eyJyb29tIjoi', 'abc', 'invite=', 's3cret', 'pw', 'Bearer'])
      expect(line).not.toContain(leaked);
    expect(JSON.parse(line)).toMatchObject({
      token: '[redacted]',
      resumeToken: '[redacted]',
      code: 'replayed-token',
    });
  });

  it('keeps time, level and event its own, cuts long strings, drops non-finite numbers to text', () => {
    const { lines, log } = capture('json');
    log('error', 'x', {
      time: 'forged',
      level: 'debug',
      event: 'other',
      long: 'a'.repeat(5000),
      n: Number.NaN,
    });
    const parsed = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(parsed).toMatchObject({ time: '2026-12-05T23:00:00.123Z', level: 'error', event: 'x', n: 'NaN' });
    expect((parsed.long as string).length).toBe(MAX_FIELD_CHARS);
  });

  it('a field cannot forge a second line or another key', () => {
    const { lines, log } = capture('json');
    log('info', 'x', { detail: 'a"\n{"level":"error","event":"forged"}' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', event: 'x' });
    const text = capture('text');
    text.log('info', 'x', { detail: 'a\nb=c' });
    expect(text.lines).toEqual(['2026-12-05T23:00:00.123Z info x detail="a\\nb=c"']);
  });

  it('the text format reads as time, level, event and key=value', () => {
    const { lines, log } = capture('text');
    log('warn', 'turn.server-down', { server: '127.0.0.1:3478', rttMs: undefined, reason: 'no answer' });
    expect(lines).toEqual([
      '2026-12-05T23:00:00.123Z warn turn.server-down server=127.0.0.1:3478 reason="no answer"',
    ]);
  });
});
