import { randomBytes } from 'node:crypto';
import {
  type AppendableEvent,
  type AuditAction,
  type AuditEntry,
  type CareSheet,
  type ConsultationDetail,
  type ConsultationStart,
  type ConsultationSummary,
  type Consent,
  type MediaInfo,
  type MediaKind,
  type MediaMime,
  type PendingMeasurement,
  type Report,
  type TimelineEvent,
  auditEntrySchema,
  consentSchema,
  mediaInfoSchema,
} from '../../shared/domain/consultation';
import { auditHead, auditRowHash, verifyAuditChain, type AuditChainCheck } from './audit/audit-chain';
import type { DeviceInfo } from '../../shared/domain/devices';
import {
  DEFAULT_DOCTOR_WRITE_LIMITS,
  LIMIT_REACHED,
  type DoctorRequest,
  type DoctorWriteLimits,
} from '../../shared/domain/doctor-writes';
import { AppErrorException } from '../../shared/result';
import {
  authorNameOf,
  verifiedConsultantSchema,
  type VerifiedConsultant,
} from '../../shared/domain/consultant-identity';
import {
  devicesOf,
  latestValuesOf,
  mediaListOf,
  metricSummariesOf,
  summaryOf,
  timelineOf,
  waveformChannelsOf,
} from './consultation-queries';
import { migrate } from './database/schema';
import {
  addDoctorWrite,
  doctorWriteRefusal,
  limitReachedError,
  type DoctorWrite,
} from './doctor-write-count';
import { jsonOf, type SqlDatabase } from './database/sql-database';
import { checkMedia } from './media-check';
import { restartOutcome } from './consultation-resume';
import { addVersion, latestOf, versionsOf } from './record-versions';
import { DEFAULT_AMEND_WINDOW_HOURS, refusalError, sealRefusal, type RecordWrite } from './record-seal';
import type { Confirmation, RecordedBatch } from './recorded-batch';
import { encodeSamples } from './sample-codec';
import { RecordsError } from './records-error';
import { checkRecordsIntegrity, damageDetail, type RecordsIntegrity } from './records-integrity';

const DAY_MS = 86_400_000;

export interface ConsultationStoreOptions {
  /** Epoch ms; injected so tests drive retention and times. */
  readonly now?: () => number;
  /** Who acts, for the audit log: the operator's name, or `station`. */
  readonly actor?: () => string;
  /** Days a record is kept (the `retentionDays` setting, read at each purge). */
  readonly retentionDays?: () => number;
  /** The key was made on this run: the audit log records it. */
  readonly keyCreated?: boolean;
  /** How long after the end a doctor may still add a report version (the `reportAmendHours` setting). */
  readonly amendWindowMs?: () => number;
  /** The doctor's writes per consultation; the shared defaults when not given. */
  readonly doctorWriteLimits?: DoctorWriteLimits;
  /** How recent an active consultation's last data must be to be resumed at open (consultation-resume.ts). */
  readonly resumeWindowMs?: number;
}

/** What a save added: the version numbers, for the doctor's page to show the station's confirmation. */
export interface SavedVersions {
  readonly summary: ConsultationSummary;
  readonly report?: number;
  readonly careSheet?: number;
}

/** What the recorder needs to know about the active consultation. */
export interface ActiveRecording {
  readonly id: string;
  readonly deviceData: boolean;
  /** Epoch ms: an episodic measurement timed before this is not this consultation's on its own. */
  readonly startedMs: number;
}

export interface NewMedia {
  readonly kind: MediaKind;
  readonly mime: MediaMime;
  readonly bytes: Uint8Array;
  readonly takenAt: string;
  readonly label?: string;
}

/**
 * The consultation record over the encrypted database: lifecycle (start, append, attach, report,
 * end), reading back (list, detail, media), deletion and retention, and the append-only audit
 * log. Every change is one transaction. Opening it settles what a stop left: a consultation still
 * `active` whose last data is recent is resumed (still active, a `host-restarted` timeline entry
 * covering the gap, an audit row); an older one becomes `interrupted`, intact, sealed, with a
 * timeline entry and an audit row.
 */
export class ConsultationStore {
  private readonly now: () => number;
  private readonly actor: () => string;
  private readonly retentionDays: () => number;
  private readonly amendWindowMs: () => number;
  private readonly doctorWriteLimits: DoctorWriteLimits;
  private readonly resumeWindowMs: number | undefined;
  private auditCheck: AuditChainCheck;
  private active: { id: string; consent: Consent; startedMs: number } | null = null;

  private constructor(
    private readonly db: SqlDatabase,
    options: ConsultationStoreOptions,
    private integrityCheck: RecordsIntegrity,
  ) {
    this.now = options.now ?? Date.now;
    this.actor = options.actor ?? (() => 'station');
    this.retentionDays = options.retentionDays ?? (() => 365);
    this.amendWindowMs = options.amendWindowMs ?? (() => DEFAULT_AMEND_WINDOW_HOURS * 3_600_000);
    this.doctorWriteLimits = options.doctorWriteLimits ?? DEFAULT_DOCTOR_WRITE_LIMITS;
    this.resumeWindowMs = options.resumeWindowMs;
    this.auditCheck = verifyAuditChain(db);
  }

  static open(db: SqlDatabase, options: ConsultationStoreOptions = {}): ConsultationStore {
    // Every page read once before anything is written: a damage is found now, not when someone
    // opens that record; it is audited, and the rest of the records (and new ones) stay usable.
    const integrity = checkRecordsIntegrity(db, 'quick');
    migrate(db);
    const store = new ConsultationStore(db, options, integrity);
    // Verified before this run writes anything; a break is recorded, and the station keeps working.
    const chain = store.auditCheck;
    if (!chain.ok)
      store.audit(
        'audit.chain-broken',
        null,
        `${chain.code}: first bad row ${chain.firstBadSeq} (${chain.reason}), found at open`,
        'system',
      );
    if (!integrity.ok) store.audit('database.damaged', null, damageDetail(integrity), 'system');
    if (options.keyCreated === true)
      store.audit('database.key-created', null, 'records key generated', 'system');
    store.audit('database.open', null, db.path, 'system');
    store.settleActiveAtOpen();
    store.purgeExpired();
    return store;
  }

  get path(): string {
    return this.db.path;
  }

  start(input: ConsultationStart): ConsultationSummary {
    if (!input.consent.teleconsultation)
      throw new AppErrorException(
        'forbidden',
        'consent-required: the patient has not consented to the teleconsultation',
      );
    if (this.active !== null)
      throw new AppErrorException(
        'forbidden',
        `consultation-active: consultation ${this.active.id} is active: end it first`,
      );
    const id = Buffer.from(randomBytes(16)).toString('hex');
    const nowMs = this.now();
    const consent: Consent = { ...input.consent, recordedAt: iso(nowMs) };
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO consultations (id, status, patient, accompanying, consent, motive, started_ms, last_data_ms)
           VALUES (?, 'active', ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          JSON.stringify(input.patient),
          input.accompanying === null ? null : JSON.stringify(input.accompanying),
          JSON.stringify(consent),
          input.motive === undefined || input.motive === '' ? null : input.motive,
          nowMs,
          nowMs,
        );
      this.insertEvent(id, { kind: 'started', time: iso(nowMs) });
      this.insertEvent(id, { kind: 'consent', time: iso(nowMs), consent });
      this.audit(
        'consultation.start',
        id,
        `teleconsultation consent: yes; device data consent: ${consent.deviceData ? 'yes' : 'no'}; recorded by ${consent.recordedBy}`,
      );
    });
    this.active = { id, consent, startedMs: nowMs };
    return this.summary(id);
  }

  current(): ConsultationSummary | null {
    return this.active === null ? null : this.summary(this.active.id);
  }

  /** The active consultation and whether its device data may be recorded; null when none. */
  activeRecording(): ActiveRecording | null {
    return this.active === null
      ? null
      : { id: this.active.id, deviceData: this.active.consent.deviceData, startedMs: this.active.startedMs };
  }

  /** The consultation a call may belong to: the active one, with consent to the teleconsultation. */
  callConsultation(): string | null {
    return this.active?.consent.teleconsultation === true ? this.active.id : null;
  }

  /**
   * A chat line, a note or a call event; `actor` is who the station knows wrote it. The doctor's
   * notes and chat lines (`byDoctor`) count against the consultation's limits.
   */
  append(id: string, event: AppendableEvent, actor = this.actor(), byDoctor = false): void {
    this.requireWritable(id, 'other', actor, event.kind);
    const doctorWrite = byDoctor ? doctorWriteOf(event) : null;
    if (doctorWrite !== null) this.requireDoctorBudget(id, doctorWrite, actor, event.kind);
    const time = iso(this.now());
    this.db.transaction(() => {
      if (doctorWrite !== null) addDoctorWrite(this.db, id, doctorWrite);
      this.insertEvent(id, { ...event, time });
      this.touch(id);
      if (event.kind === 'chat')
        this.audit('chat.add', id, `from the ${event.from}, ${event.text.length} characters`, actor);
      else if (event.kind === 'note')
        this.audit('note.add', id, `signed ${event.author}, ${event.text.length} characters`, actor);
      else this.audit('call.event', id, `call ${event.state}`, actor);
    });
  }

  attach(id: string, media: NewMedia): MediaInfo {
    this.requireWritable(id, 'other', this.actor(), `${media.kind} attachment`);
    const facts = checkMedia(media.mime, media.bytes);
    const info: MediaInfo = {
      id: Buffer.from(randomBytes(16)).toString('hex'),
      kind: media.kind,
      mime: media.mime,
      takenAt: media.takenAt,
      bytes: media.bytes.length,
      ...(media.label === undefined ? {} : { label: media.label }),
      ...facts,
    };
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO media (id, consultation, info, bytes) VALUES (?, ?, ?, ?)')
        .run(info.id, id, JSON.stringify(info), media.bytes);
      this.insertEvent(id, { kind: 'media', time: info.takenAt, media: info });
      this.touch(id);
      this.audit('media.attach', id, `${info.kind} ${info.id} (${info.mime}, ${info.bytes} bytes)`);
    });
    return info;
  }

  /**
   * Saves the report and/or the care sheet, each as a new version (nothing is overwritten), with a
   * timeline entry and an audit row per version. After the end only a report version is taken,
   * within the amendment window; the care sheet is sealed with the rest of the record.
   */
  saveReport(
    id: string,
    report: Report | undefined,
    careSheet: CareSheet | undefined,
    actor = this.actor(),
  ): SavedVersions {
    if (report !== undefined) this.requireWritable(id, 'report-version', actor, 'report version');
    if (careSheet !== undefined) this.requireWritable(id, 'other', actor, 'care sheet version');
    this.requireVerifiedAuthor(id, report, careSheet, actor);
    // Every save is the doctor's (their page sends it over the call): one count per save.
    this.requireDoctorBudget(id, REPORT_SAVE, actor, 'report save');
    const nowMs = this.now();
    const time = iso(nowMs);
    const after = this.row(id).status === 'active' ? '' : ', after the end';
    const saved = { ms: nowMs, by: actor };
    const versions = this.db.transaction(() => {
      addDoctorWrite(this.db, id, REPORT_SAVE);
      const made: { report?: number; careSheet?: number } = {};
      if (report !== undefined) {
        made.report = addVersion(this.db, id, 'report', report, saved);
        this.insertEvent(id, { kind: 'report', time });
        this.audit('report.version', id, `report version ${made.report}${after}`, actor);
      }
      if (careSheet !== undefined) {
        made.careSheet = addVersion(this.db, id, 'care-sheet', careSheet, saved);
        this.insertEvent(id, { kind: 'care-sheet', time });
        this.audit('care-sheet.version', id, `care sheet version ${made.careSheet}${after}`, actor);
      }
      return made;
    });
    return { summary: this.summary(id), ...versions };
  }

  /**
   * The doctor Pro Santé Connect verified for this consultation (the rendezvous's signed word, the
   * backend checked it): kept on the record with an audit row. Only while the record takes writes
   * (a closed one is sealed); the same identity again changes nothing. It is kept with when it was
   * recorded and the first version numbers saved after it, which exports need to prove who signed
   * (consultant-identity.ts `recordedConsultantSchema`).
   */
  setConsultantIdentity(id: string, identity: VerifiedConsultant, actor = this.actor()): ConsultationSummary {
    this.requireWritable(id, 'other', actor, 'consultant identity');
    const checked = verifiedConsultantSchema.parse(identity);
    const current = this.summary(id).consultant;
    const fields = Object.keys(verifiedConsultantSchema.shape) as (keyof VerifiedConsultant)[];
    if (current?.verified === true && fields.every((field) => current[field] === checked[field]))
      return this.summary(id);
    this.db.transaction(() => {
      const versions = versionsOf(this.db, id);
      const next = (kind: 'report' | 'care-sheet'): number => (latestOf(versions, kind)?.version ?? 0) + 1;
      const json = JSON.stringify({
        ...checked,
        recorded: { at: iso(this.now()), reportFrom: next('report'), careSheetFrom: next('care-sheet') },
      });
      this.db.prepare('UPDATE consultations SET consultant = ? WHERE id = ?').run(json, id);
      this.audit(
        'consultant.verified',
        id,
        `${identity.method}: RPPS ${identity.rpps}, ${identity.givenName} ${identity.familyName}, acr ${identity.acr}, issuer ${identity.issuer}, authenticated ${identity.at}`,
        actor,
      );
    });
    return this.summary(id);
  }

  /** The verified doctor of this consultation, or null (not verified). */
  verifiedConsultant(id: string): VerifiedConsultant | null {
    const consultant = this.summary(id).consultant;
    return consultant?.verified === true ? consultant : null;
  }

  /**
   * With a verified doctor, the report is signed and the care sheet names that doctor only: the
   * same name and RPPS, whatever a page typed (`author-not-verified`, audited, nothing written).
   */
  private requireVerifiedAuthor(
    id: string,
    report: Report | undefined,
    careSheet: CareSheet | undefined,
    actor: string,
  ): void {
    const verified = this.verifiedConsultant(id);
    if (verified === null) return;
    const name = authorNameOf(verified);
    const differs = (who: { name: string; rpps?: string | undefined }): boolean =>
      who.name !== name || who.rpps !== verified.rpps;
    if (
      !(report !== undefined && differs(report.author)) &&
      !(careSheet !== undefined && differs(careSheet.doctor))
    )
      return;
    this.audit('write.refused', id, 'report or care sheet refused: author-not-verified', actor);
    throw refusalError(id, {
      code: 'author-not-verified',
      message: 'the author must be the doctor Pro Santé Connect verified',
    });
  }

  /**
   * When the report amendment window of a closed record closes, by the setting as it is now; null
   * while the consultation is active (no window yet).
   */
  amendWindowClosesMs(id: string): number | null {
    const row = this.row(id);
    if (String(row.status) === 'active') return null;
    const endedMs = row.ended_ms === null ? this.now() : Number(row.ended_ms);
    return endedMs + this.amendWindowMs();
  }

  /**
   * A request from the doctor's page that the station is about to act on (take a snapshot, start a
   * measurement): counted in the record, refused (`limit-reached`) past the consultation's limit.
   */
  doctorRequest(id: string, request: DoctorRequest, actor = this.actor()): void {
    const write: DoctorWrite = { kind: request === 'snapshot' ? 'snapshotRequests' : 'measureRequests' };
    this.requireWritable(id, 'other', actor, `${request} request`);
    this.requireDoctorBudget(id, write, actor, `${request} request`);
    this.db.transaction(() => addDoctorWrite(this.db, id, write));
  }

  /** Closes an active or interrupted record; ending an ended one changes nothing. */
  end(id: string): ConsultationSummary {
    const status = this.requireExisting(id);
    if (status === 'ended') return this.summary(id);
    const nowMs = this.now();
    this.db.transaction(() => {
      this.db.prepare(`UPDATE consultations SET status = 'ended', ended_ms = ? WHERE id = ?`).run(nowMs, id);
      this.insertEvent(id, { kind: 'ended', time: iso(nowMs) });
      this.audit('consultation.end', id, status === 'interrupted' ? 'closed after an interruption' : 'ended');
    });
    if (this.active?.id === id) this.active = null;
    return this.summary(id);
  }

  /** A record on a damaged page is left out, not the whole list: `integrity()` names it. */
  list(limit = 100): ConsultationSummary[] {
    return this.db
      .prepare('SELECT * FROM consultations ORDER BY started_ms DESC, rowid DESC LIMIT ?')
      .all(limit)
      .flatMap((row) => {
        try {
          const summary = summaryOf(this.db, row);
          return [{ ...summary, latest: latestValuesOf(this.db, summary.id) }];
        } catch (cause) {
          if (cause instanceof RecordsError && cause.code === 'corrupted') return [];
          throw cause;
        }
      });
  }

  /** The full record; reading it is not audited here (the API handler audits an opening). */
  detail(id: string): ConsultationDetail {
    this.requireExisting(id);
    const row = this.row(id);
    const versions = versionsOf(this.db, id);
    return {
      summary: summaryOf(this.db, row),
      timeline: timelineOf(this.db, id),
      media: mediaListOf(this.db, id),
      metrics: metricSummariesOf(this.db, id),
      waveforms: waveformChannelsOf(this.db, id),
      devices: devicesOf(this.db, id),
      report: latestOf(versions, 'report')?.report ?? null,
      careSheet: latestOf(versions, 'care-sheet')?.careSheet ?? null,
      versions,
    };
  }

  media(id: string, mediaId: string): { mime: MediaMime; bytes: Uint8Array } {
    const row = this.db
      .prepare('SELECT info, bytes FROM media WHERE id = ? AND consultation = ?')
      .get(mediaId, id);
    if (row === undefined)
      throw new AppErrorException('not-found', `no media ${mediaId} in consultation ${id}`);
    const info = mediaInfoSchema.parse(jsonOf(row.info));
    return { mime: info.mime, bytes: new Uint8Array(row.bytes as Uint8Array) };
  }

  /** Deletes a record and its media (never the active one); the audit log keeps the fact. */
  delete(id: string): void {
    this.requireExisting(id);
    if (this.active?.id === id)
      throw new AppErrorException(
        'forbidden',
        `consultation-active: consultation ${id} is active: end it before deleting it`,
      );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM consultations WHERE id = ?').run(id);
      this.audit('consultation.delete', id, 'deleted with its media');
    });
  }

  /** Deletes records older than the retention period (never the active one); one audit row each. */
  purgeExpired(): number {
    const days = this.retentionDays();
    const cutoff = this.now() - days * DAY_MS;
    const expired = this.db
      .prepare(`SELECT id FROM consultations WHERE started_ms < ? AND status != 'active'`)
      .all(cutoff)
      .map((row) => String(row.id));
    // A record on a damaged page cannot be deleted (its transaction rolls back): it stays, named by
    // integrity(), and must not stop the others' purge nor the store's opening.
    return expired.filter((id) => {
      try {
        this.db.transaction(() => {
          this.db.prepare('DELETE FROM consultations WHERE id = ?').run(id);
          this.audit('consultation.purge', id, `older than the ${days}-day retention period`, 'system');
        });
        return true;
      } catch (cause) {
        if (cause instanceof RecordsError && cause.code === 'corrupted') return false;
        throw cause;
      }
    }).length;
  }

  /** One batch window of readings, in one transaction; the devices seen are remembered. */
  recordBatch(id: string, batch: RecordedBatch): void {
    if (batch.numerics.length === 0 && batch.chunks.length === 0) return;
    const numeric = this.db.prepare(
      'INSERT INTO numerics (consultation, device, metric, unit, value, time_ms, confirmation) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const channel = this.db.prepare(
      `INSERT INTO waveform_channels (consultation, device, metric, unit, rate_hz) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET rate_hz = excluded.rate_hz RETURNING id`,
    );
    const chunk = this.db.prepare(
      `INSERT INTO waveform_chunks (channel, start_ms, sample_count, encoding, scale_exp, samples)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const seen = this.db.prepare(
      'INSERT OR IGNORE INTO devices_seen (consultation, device, name, protocol) VALUES (?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      const devices = new Set<string>();
      for (const n of batch.numerics) {
        const confirmation = n.confirmation === undefined ? null : JSON.stringify(n.confirmation);
        numeric.run(id, n.device, n.metric, n.unit, n.value, n.timeMs, confirmation);
        devices.add(n.device);
      }
      for (const c of batch.chunks) {
        const encoded = encodeSamples(c.samples);
        const channelId = Number(channel.get(id, c.device, c.metric, c.unit, c.rateHz)?.id);
        chunk.run(channelId, c.startMs, c.samples.length, encoded.encoding, encoded.scaleExp, encoded.bytes);
        devices.add(c.device);
      }
      // A device known only by its readings (Bluetooth LE from the renderer): its id names it.
      for (const device of devices) seen.run(id, device, device, protocolOf(device));
      this.touch(id);
    });
  }

  /**
   * A measurement from before the active consultation, confirmed for its patient by the station's
   * operator (else by whoever recorded this consultation's consent: a name, never just "station"):
   * its values at their device time, marked with who confirmed and when, a timeline entry and an
   * audit row, in one transaction. Returns the confirmation, for parts arriving late.
   */
  confirmMeasurement(id: string, measurement: PendingMeasurement): Confirmation {
    this.requireWritable(id, 'other', this.actor(), 'measurement confirmation');
    const nowMs = this.now();
    const operator = this.actor();
    const by = operator === 'station' && this.active !== null ? this.active.consent.recordedBy : operator;
    const confirmation: Confirmation = { by: by.slice(0, 120), at: iso(nowMs) };
    const timeMs = Date.parse(measurement.measuredAt);
    this.db.transaction(() => {
      this.recordBatch(id, {
        numerics: measurement.values.map((v) => ({
          device: measurement.device,
          metric: v.metric,
          unit: v.unit,
          value: v.value,
          timeMs,
          confirmation,
        })),
        chunks: [],
      });
      this.insertEvent(id, {
        kind: 'measurement-confirmed',
        time: confirmation.at,
        device: measurement.device,
        measuredAt: measurement.measuredAt,
        confirmedBy: confirmation.by,
        values: measurement.values,
      });
      // The audit names who the station knows is acting (its operator, else `station`); the name
      // the record prints as the confirmer may come from the consent form, so it is only detail.
      this.audit(
        'measurement.confirm',
        id,
        `measured ${measurement.measuredAt} by ${measurement.device}, before the consultation, confirmed as ${confirmation.by}: ${describeValues(measurement)}`,
        operator,
      );
    });
    return confirmation;
  }

  /** A measurement from before the active consultation, discarded: only the audit log keeps it. */
  dismissMeasurement(id: string, measurement: PendingMeasurement): void {
    this.requireWritable(id, 'other', this.actor(), 'measurement dismissal');
    this.audit(
      'measurement.dismiss',
      id,
      `measured ${measurement.measuredAt} by ${measurement.device}, before the consultation, not recorded: ${describeValues(measurement)}`,
    );
  }

  /**
   * A device connected or disconnected during the active consultation, with why it went away and
   * whether it is our simulator (the exports mark what a simulator produced).
   */
  deviceEvent(
    id: string,
    device: Pick<DeviceInfo, 'id' | 'name' | 'protocol' | 'simulated' | 'error'>,
    state: 'connected' | 'disconnected',
  ): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO devices_seen (consultation, device, name, protocol) VALUES (?, ?, ?, ?)
           ON CONFLICT (consultation, device) DO UPDATE SET name = excluded.name, protocol = excluded.protocol`,
        )
        .run(id, device.id, device.name, device.protocol);
      this.insertEvent(id, {
        kind: 'device',
        time: iso(this.now()),
        device: device.id,
        name: device.name,
        state,
        ...(state === 'disconnected' && device.error !== null ? { reason: device.error.code } : {}),
        simulated: device.simulated,
      });
      this.touch(id);
    });
  }

  /**
   * Recording failed or resumed: a technical incident of the record (CSP R6316-4). Written to
   * any existing consultation, ended or not: the failure belongs to the one whose readings it lost.
   */
  recordingEvent(id: string, event: Omit<Extract<TimelineEvent, { kind: 'recording' }>, 'kind'>): void {
    this.db.transaction(() => this.insertEvent(id, { kind: 'recording', ...event }));
  }

  /** One row, chained to the previous one (audit-chain.ts). */
  audit(action: AuditAction, consultationId: string | null, detail: string, actor = this.actor()): void {
    const head = auditHead(this.db);
    const row = {
      seq: head.seq + 1,
      timeMs: this.now(),
      action,
      actor: actor.slice(0, 120),
      consultation: consultationId,
      detail: detail.slice(0, 500),
      prevHash: head.hash,
    };
    this.db
      .prepare(
        'INSERT INTO audit (seq, time_ms, action, actor, consultation, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        row.seq,
        row.timeMs,
        row.action,
        row.actor,
        row.consultation,
        row.detail,
        row.prevHash,
        auditRowHash(row),
      );
  }

  /** The audit chain as verified at open, or again now with `recheck` (the equipment check). */
  auditChain(recheck = false): AuditChainCheck {
    if (recheck) this.auditCheck = verifyAuditChain(this.db);
    return this.auditCheck;
  }

  /** The pages' integrity as found at open, or checked again in full now (the equipment check). */
  integrity(full = false): RecordsIntegrity {
    if (full) this.integrityCheck = checkRecordsIntegrity(this.db, 'full');
    return this.integrityCheck;
  }

  /** Newest first. */
  auditList(limit = 100): AuditEntry[] {
    return this.db
      .prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ?')
      .all(limit)
      .map((row) =>
        auditEntrySchema.parse({
          seq: Number(row.seq),
          time: iso(Number(row.time_ms)),
          action: row.action,
          actor: row.actor,
          consultationId: row.consultation,
          detail: row.detail,
          ...(row.hash === null || row.hash === undefined ? {} : { hash: row.hash }),
        }),
      );
  }

  /** Rows for the export source (database-export-source.ts). */
  get database(): SqlDatabase {
    return this.db;
  }

  close(): void {
    this.db.close();
  }

  /**
   * A consultation left active by the last run: resumed when its last data is recent (the newest
   * one only: one consultation is active at a time), interrupted otherwise. Nothing recorded
   * before the stop is touched either way.
   */
  private settleActiveAtOpen(): void {
    const rows = this.db
      .prepare(
        `SELECT id, last_data_ms, started_ms, consent FROM consultations WHERE status = 'active'
         ORDER BY started_ms DESC, rowid DESC`,
      )
      .all();
    const nowMs = this.now();
    rows.forEach((row, index) => {
      const id = String(row.id);
      const lastMs = Number(row.last_data_ms);
      const outcome = index === 0 ? restartOutcome(lastMs, nowMs, this.resumeWindowMs) : null;
      if (outcome?.kind === 'resume') {
        this.resume(id, lastMs, nowMs, outcome.gapMs);
        this.active = {
          id,
          consent: consentSchema.parse(jsonOf(row.consent)),
          startedMs: Number(row.started_ms),
        };
      } else this.markInterrupted(id, lastMs);
    });
  }

  /** The gap is told by the timeline (from the last data to the restart) and the audit log, in codes. */
  private resume(id: string, lastMs: number, nowMs: number, gapMs: number): void {
    this.db.transaction(() => {
      this.insertEvent(id, { kind: 'host-restarted', time: iso(nowMs), since: iso(lastMs) });
      this.touch(id);
      this.audit(
        'consultation.resumed',
        id,
        `host-restarted; last-data ${iso(lastMs)}; gap-ms ${gapMs}`,
        'system',
      );
    });
  }

  private markInterrupted(id: string, lastMs: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE consultations SET status = 'interrupted', ended_ms = ? WHERE id = ?`)
        .run(lastMs, id);
      this.insertEvent(id, { kind: 'interrupted', time: iso(lastMs) });
      this.audit(
        'consultation.interrupted',
        id,
        `the station stopped during the consultation (last data ${iso(lastMs)})`,
        'system',
      );
    });
  }

  private insertEvent(id: string, event: TimelineEvent): void {
    this.db
      .prepare('INSERT INTO events (consultation, time_ms, body) VALUES (?, ?, ?)')
      .run(id, Date.parse(event.time), JSON.stringify(event));
  }

  private touch(id: string): void {
    this.db
      .prepare('UPDATE consultations SET last_data_ms = max(last_data_ms, ?) WHERE id = ?')
      .run(this.now(), id);
  }

  private summary(id: string): ConsultationSummary {
    return summaryOf(this.db, this.row(id));
  }

  private row(id: string) {
    const row = this.db.prepare('SELECT * FROM consultations WHERE id = ?').get(id);
    if (row === undefined) throw new AppErrorException('not-found', `no consultation ${id}`);
    return row;
  }

  private requireExisting(id: string): string {
    return String(this.row(id).status);
  }

  /**
   * Refuses a write the sealed record does not take (record-seal.ts), with an audit row saying who
   * tried what; an active record not this run's own (it cannot be) is refused too.
   */
  /** Refuses a doctor's write past the consultation's limit, with an audit row saying so. */
  private requireDoctorBudget(id: string, write: DoctorWrite, actor: string, what: string): void {
    const limit = doctorWriteRefusal(this.db, id, write, this.doctorWriteLimits);
    if (limit === null) return;
    this.audit('write.refused', id, `${what} refused: ${LIMIT_REACHED} (${limit})`, actor);
    throw limitReachedError(id, limit);
  }

  private requireWritable(id: string, write: RecordWrite, actor: string, what: string): void {
    const row = this.row(id);
    const status = String(row.status);
    const endedMs = row.ended_ms === null ? null : Number(row.ended_ms);
    const refusal =
      status === 'active' && this.active?.id !== id
        ? ({ code: 'consultation-not-active', message: 'not the active consultation of this run' } as const)
        : sealRefusal({ status, endedMs }, write, this.now(), this.amendWindowMs());
    if (refusal === null) return;
    this.audit('write.refused', id, `${what} refused: ${refusal.code}`, actor);
    throw refusalError(id, refusal);
  }
}

const REPORT_SAVE: DoctorWrite = { kind: 'reports' };

/** The doctor's notes and chat lines are counted; a call event is not theirs to count. */
function doctorWriteOf(event: AppendableEvent): DoctorWrite | null {
  if (event.kind === 'note') return { kind: 'notes', chars: event.text.length };
  if (event.kind === 'chat') return { kind: 'chatLines' };
  return null;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function describeValues(measurement: PendingMeasurement): string {
  return measurement.values.map((v) => `${v.metric} ${v.value ?? 'invalid'} ${v.unit}`).join(', ');
}

function protocolOf(device: string): string {
  const at = device.indexOf('@');
  return (at > 0 ? device.slice(0, at) : device).slice(0, 60);
}
