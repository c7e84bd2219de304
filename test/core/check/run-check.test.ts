import { checkItem } from '../../../src/shared/domain/equipment-check';
import { runCheck } from '../../../src/core/check/run-check';
import { overallStatus } from '../../../src/shared/domain/equipment-check';

describe('the check engine', () => {
  it('collects sections in order, keeps a crashed section as a failed item, and summarises', async () => {
    let t = Date.parse('2026-01-02T03:04:05.000Z');
    const report = await runCheck(
      'test',
      [
        {
          name: 'devices',
          category: 'devices',
          run: () =>
            Promise.resolve([
              checkItem({
                id: 'devices.a',
                category: 'devices',
                status: 'pass',
                code: 'ok',
                title: 'A',
                detail: 'fine',
              }),
            ]),
        },
        { name: 'turn', category: 'network', run: () => Promise.reject(new Error('boom')) },
      ],
      () => (t += 1000),
    );
    expect(report).toMatchObject({
      startedAt: '2026-01-02T03:04:06.000Z',
      finishedAt: '2026-01-02T03:04:07.000Z',
      source: 'test',
      items: [
        { id: 'devices.a', status: 'pass', measured: { code: 'ok' } },
        { id: 'network.turn', status: 'fail', detail: 'The check itself failed: boom.' },
      ],
    });
    expect(overallStatus(report.items)).toBe('fail');
  });

  it('overall status is the worst item, skipped only when nothing ran', () => {
    expect(overallStatus([{ status: 'pass' }, { status: 'warn' }, { status: 'skipped' }])).toBe('warn');
    expect(overallStatus([{ status: 'skipped' }])).toBe('skipped');
  });
});
