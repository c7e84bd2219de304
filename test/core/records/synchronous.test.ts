import { openTestRecords, tempDir } from './records-test-kit';

/**
 * A committed window must survive a power cut (README, "Storage"): in WAL mode only
 * synchronous=FULL (2) fsyncs the WAL at each commit; NORMAL (1) leaves it to the next checkpoint.
 */
describe('records: commits are durable across a power cut', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  it('runs in WAL mode with synchronous=FULL, read back from SQLite', () => {
    const store = openTestRecords(temp.dir);
    expect(store.database.pragmaValue('journal_mode')).toBe('wal');
    expect(store.database.pragmaValue('synchronous')).toBe(2);
    store.close();
    // A reopened database (the pragma is per connection) too.
    const again = openTestRecords(temp.dir);
    expect(again.database.pragmaValue('synchronous')).toBe(2);
    again.close();
  });
});
