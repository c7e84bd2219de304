import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_FILE, RECORDS_FILE } from '../../../src/core/records/open-records';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { anError, openTestRecords, tempDir } from './records-test-kit';

/** A deleted database beside its key is refused: never a silent new, empty record store. */
describe('records: a missing database beside its key', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  function recordOne(): string {
    const store = openTestRecords(temp.dir);
    const { id } = store.start(CONSULTATION_START);
    store.end(id);
    store.close();
    return id;
  }

  it('is refused with database-missing, and nothing is created in its place', () => {
    recordOne();
    const path = join(temp.dir, RECORDS_FILE);
    rmSync(path);
    expect(() => openTestRecords(temp.dir)).toThrow(anError('database-missing', /deleted or moved/));
    expect(() => openTestRecords(temp.dir)).toThrow(/Restore it .* from a backup/);
    expect(existsSync(path)).toBe(false);
  });

  it('every file of the database gone (rm records.db*), the key kept: still refused', () => {
    recordOne();
    for (const name of readdirSync(temp.dir)) if (name.startsWith(RECORDS_FILE)) rmSync(join(temp.dir, name));
    expect(() => openTestRecords(temp.dir)).toThrow(anError('database-missing'));
    expect(readdirSync(temp.dir)).toEqual([KEY_FILE]);
  });

  it('the database restored: its records are back', () => {
    const id = recordOne();
    const path = join(temp.dir, RECORDS_FILE);
    renameSync(path, `${path}.backup`);
    expect(() => openTestRecords(temp.dir)).toThrow(anError('database-missing'));
    renameSync(`${path}.backup`, path);
    const store = openTestRecords(temp.dir);
    expect(store.list().map((c) => c.id)).toEqual([id]);
    store.close();
  });

  it('the operator moves the key aside on purpose: a new, empty store starts', () => {
    recordOne();
    rmSync(join(temp.dir, RECORDS_FILE));
    renameSync(join(temp.dir, KEY_FILE), join(temp.dir, `${KEY_FILE}.retired`));
    const store = openTestRecords(temp.dir);
    expect(store.list()).toEqual([]);
    store.close();
  });
});
