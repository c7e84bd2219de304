import { useEffect, useRef, useState, type ReactNode } from 'react';
import { accompanyingActsFor, defaultPlace } from '../../shared/domain/care-sheet-rules';
import {
  ACCOMPANYING_ACT_CODES,
  CARE_ACT_CODES,
  CARE_PATHWAYS,
  CARE_PLACES,
} from '../../shared/domain/consultation';
import { DateFields } from '../features/forms/DateFields';
import { todayIso } from '../features/consultation/dates';
import { useStore } from '../features/use-store';
import { useMessages } from '../i18n/use-messages';
import { actExplanationMessages } from './act-explanation-messages';
import { consultantMessages } from './consultant-messages';
import { reportOnlyMessages } from './report-only-messages';
import type { ConsultantRecord, SendKind } from './consultant-record';
import { VerifiedDoctorNote, verifiedFields } from './VerifiedDoctorNote';
import {
  accompanyingActAllowed,
  buildCareSheet,
  buildReport,
  careSheetFieldsOf,
  defaultActFields,
  reportFieldsOf,
  type CareSheetFields,
  type DoctorFields,
  type FormErrors,
  type FormField,
  type ReportFields,
} from './report-form';

/**
 * The doctor's writing for the record, sent to the station over the call: who writes (name, RPPS,
 * typed once for both), the report, the care-sheet data and notes. Each part says whether the
 * station saved it.
 */
export function RecordForms({
  record,
  enabled,
  afterEnd = false,
}: {
  record: ConsultantRecord;
  enabled: boolean;
  /** The station closed the consultation: the report goes to it as a new version (report-only). */
  afterEnd?: boolean;
}) {
  const m = useMessages(consultantMessages);
  const r = useMessages(reportOnlyMessages);
  const acts = useMessages(actExplanationMessages);
  const [typedDoctor, setDoctor] = useState<DoctorFields>({ name: '', rpps: '' });
  // Signed in with Pro Santé Connect: the verified doctor signs, and cannot be edited here.
  const verified = useStore(record.verifiedDoctor);
  const doctor = verifiedFields(verified) ?? typedDoctor;
  const [report, setReport] = useState<ReportFields>({
    reason: '',
    findings: '',
    conclusion: '',
    prescriptions: '',
  });
  const [sheet, setSheet] = useState<CareSheetFields>({
    actCode: 'TCG',
    date: todayIso(),
    pathway: 'treating-doctor',
    place: '',
    accompanyingAct: '',
    remarks: '',
  });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const saved = useStore(record.saved);
  const [loaded, setLoaded] = useState<number | null>(null);
  // Whether the doctor has typed in each form: the station's versions never overwrite their words.
  const reportTyped = useRef(false);
  const sheetTyped = useRef(false);
  // The station's saved versions fill a form the doctor has not started (a join or a rejoin), so a
  // save never replaces the report with a blank one; words already typed are never overwritten.
  useEffect(() => {
    const load = (): void => {
      const state = record.saved.getSnapshot();
      const savedReport = state?.report ?? null;
      if (savedReport !== null && !reportTyped.current) {
        setReport(reportFieldsOf(savedReport.value));
        setLoaded(savedReport.version);
        const author = savedReport.value.author;
        setDoctor((d) => (d.name.trim() === '' ? { name: author.name, rpps: author.rpps ?? '' } : d));
      }
      const savedSheet = state?.careSheet ?? null;
      if (savedSheet !== null && !sheetTyped.current) {
        setSheet(careSheetFieldsOf(savedSheet.value));
        const who = savedSheet.value.doctor;
        setDoctor((d) => (d.name.trim() === '' ? { name: who.name, rpps: who.rpps } : d));
      }
    };
    load();
    return record.saved.subscribe(load);
  }, [record]);
  const editSheet = (next: CareSheetFields): void => {
    sheetTyped.current = true;
    setSheet(next);
  };
  // No professional beside the patient (as the station said): no accompanying act can be billed.
  const patientInfo = useStore(record.patient);
  const accompanyingAllowed = accompanyingActAllowed(patientInfo);
  // Who is beside the patient decides the accompanying act (care-sheet-rules.ts); undefined until
  // the station has said, when every act stays offered.
  const role = patientInfo === null ? undefined : (patientInfo.accompanying?.role ?? null);
  const offeredActs = role === undefined ? ACCOMPANYING_ACT_CODES : accompanyingActsFor(role);
  useEffect(() => {
    if (role === undefined || sheetTyped.current) return;
    setSheet((current) => {
      const place = current.place === '' ? (defaultPlace(role) ?? '') : current.place;
      return { ...current, place, ...defaultActFields(role, place) };
    });
  }, [role]);
  // The nurse's reason for the consultation starts the report's reason, until the doctor types.
  const motive = patientInfo?.motive?.trim() ?? '';
  useEffect(() => {
    if (motive === '' || reportTyped.current) return;
    setReport((current) => (current.reason === '' ? { ...current, reason: motive } : current));
  }, [motive]);
  const careSheet: CareSheetFields = accompanyingAllowed ? sheet : { ...sheet, accompanyingAct: '' };
  const focusFirst = (found: FormErrors): void => {
    const first = FIELDS.find((field) => found[field] !== undefined);
    if (first !== undefined) document.getElementById(fieldId(first))?.focus();
  };
  const props = (field: FormField) => ({
    id: fieldId(field),
    'aria-invalid': errors[field] !== undefined,
    'aria-describedby': errors[field] === undefined ? undefined : `${fieldId(field)}-error`,
    'data-testid': `record-${field}`,
  });
  const field = (name: FormField, label: string, input: ReactNode) => (
    <div className="record-field">
      <label htmlFor={fieldId(name)}>{label}</label>
      {input}
      {errors[name] !== undefined && (
        <span className="record-field-error" id={`${fieldId(name)}-error`}>
          {m.problem(errors[name])}
        </span>
      )}
    </div>
  );
  const text = (name: keyof ReportFields, label: string, rows = 3) =>
    field(
      name,
      label,
      <textarea
        {...props(name)}
        rows={rows}
        value={report[name]}
        onChange={(e) => {
          reportTyped.current = true;
          setReport({ ...report, [name]: e.target.value });
        }}
      />,
    );

  return (
    <section className="record-forms" aria-labelledby="record-title">
      <h2 id="record-title">{m.recordTitle}</h2>
      <fieldset className="record-fieldset">
        <legend>{m.doctorTitle}</legend>
        <VerifiedDoctorNote identity={verified} />
        {field(
          'doctorName',
          m.doctorName,
          <input
            {...props('doctorName')}
            value={doctor.name}
            readOnly={verified !== null}
            maxLength={120}
            onChange={(e) => setDoctor({ ...doctor, name: e.target.value })}
          />,
        )}
        {field(
          'doctorRpps',
          m.doctorRpps,
          <input
            {...props('doctorRpps')}
            inputMode="numeric"
            value={doctor.rpps}
            readOnly={verified !== null}
            maxLength={14}
            onChange={(e) => setDoctor({ ...doctor, rpps: e.target.value })}
          />,
        )}
      </fieldset>

      <form
        className="record-fieldset"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const built = buildReport(doctor, report);
          setErrors(built.ok ? {} : built.errors);
          if (built.ok) record.sendReport(built.value);
          else focusFirst(built.errors);
        }}
      >
        <h3>{m.reportTitle}</h3>
        {saved !== null && saved.status !== 'active' && (
          <p className="record-field-hint" role="status" data-testid="record-station-ended">
            {m.stationEnded}
          </p>
        )}
        {loaded !== null && (
          <p className="record-field-hint" data-testid="record-loaded-version" data-version={loaded}>
            {m.loadedVersion(loaded)}
          </p>
        )}
        {text('reason', m.reason, 2)}
        {text('findings', m.findings, 4)}
        {text('conclusion', m.conclusion, 3)}
        {text('prescriptions', m.prescriptions, 3)}
        <button
          className="button button--large button--primary"
          type="submit"
          disabled={!enabled}
          data-testid="record-send-report"
        >
          {afterEnd ? r.sendToStation : m.saveReport}
        </button>
        <SendStatus record={record} kind="report" />
      </form>

      <form
        className="record-fieldset"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const built = buildCareSheet(doctor, careSheet, { accompanyingRole: role });
          setErrors(built.ok ? {} : built.errors);
          if (built.ok) record.sendCareSheet(built.value);
          else focusFirst(built.errors);
        }}
      >
        <h3>{m.careSheetTitle}</h3>
        {field(
          'actCode',
          m.actCode,
          <select
            {...props('actCode')}
            value={sheet.actCode}
            onChange={(e) => editSheet({ ...sheet, actCode: e.target.value as CareSheetFields['actCode'] })}
          >
            {sheet.actCode === '' && <option value="">{m.actChoose}</option>}
            {CARE_ACT_CODES.map((code) => (
              <option key={code} value={code}>
                {m.actName(code)}
              </option>
            ))}
          </select>,
        )}
        {sheet.actCode !== '' && (
          <p className="record-field-hint" data-testid="record-actCode-explain">
            {acts.explain(sheet.actCode)}
          </p>
        )}
        {field(
          'date',
          m.actDate,
          <DateFields
            id={fieldId('date')}
            testId="record-date"
            invalid={errors.date !== undefined}
            {...(errors.date === undefined ? {} : { describedBy: `${fieldId('date')}-error` })}
            value={sheet.date}
            onChange={(date) => editSheet({ ...sheet, date })}
          />,
        )}
        {field(
          'pathway',
          m.pathway,
          <select
            {...props('pathway')}
            value={sheet.pathway}
            onChange={(e) => editSheet({ ...sheet, pathway: e.target.value as CareSheetFields['pathway'] })}
          >
            {CARE_PATHWAYS.map((pathway) => (
              <option key={pathway} value={pathway}>
                {m.pathwayName(pathway)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'place',
          m.place,
          <select
            {...props('place')}
            value={sheet.place}
            onChange={(e) => {
              const place = e.target.value as CareSheetFields['place'];
              // The nurse's act follows the place (TLD at home, TLL elsewhere) unless chosen already.
              const act = sheet.accompanyingAct !== 'TLS';
              editSheet({
                ...sheet,
                place,
                ...(act && role !== undefined ? defaultActFields(role, place) : {}),
              });
            }}
          >
            <option value="">{m.placeChoose}</option>
            {CARE_PLACES.map((place) => (
              <option key={place} value={place}>
                {m.placeName(place)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'accompanyingAct',
          m.accompanyingAct,
          <>
            <select
              {...props('accompanyingAct')}
              value={careSheet.accompanyingAct}
              disabled={!accompanyingAllowed}
              aria-describedby={
                accompanyingAllowed
                  ? props('accompanyingAct')['aria-describedby']
                  : 'record-accompanyingAct-hint'
              }
              onChange={(e) =>
                editSheet({ ...sheet, accompanyingAct: e.target.value as CareSheetFields['accompanyingAct'] })
              }
            >
              <option value="">{m.accompanyingActNone}</option>
              {accompanyingAllowed &&
                offeredActs.map((code) => (
                  <option key={code} value={code}>
                    {m.actName(code)}
                  </option>
                ))}
            </select>
            {!accompanyingAllowed && (
              <span
                className="record-field-hint"
                id="record-accompanyingAct-hint"
                data-testid="record-no-accompanying"
              >
                {m.accompanyingActNoProfessional}
              </span>
            )}
            {accompanyingAllowed && careSheet.accompanyingAct !== '' && (
              <span className="record-field-hint" data-testid="record-accompanyingAct-explain">
                {acts.explain(careSheet.accompanyingAct)}
                {role !== undefined && role !== null && ` ${acts.proposed(role)}`}
              </span>
            )}
          </>,
        )}
        {field(
          'remarks',
          m.remarks,
          <textarea
            {...props('remarks')}
            rows={2}
            maxLength={1000}
            value={sheet.remarks}
            onChange={(e) => editSheet({ ...sheet, remarks: e.target.value })}
          />,
        )}
        <button
          className="button button--large button--primary"
          type="submit"
          disabled={!enabled}
          data-testid="record-send-care-sheet"
        >
          {m.saveCareSheet}
        </button>
        <SendStatus record={record} kind="careSheet" />
      </form>

      <form
        className="record-fieldset"
        onSubmit={(event) => {
          event.preventDefault();
          const author = doctor.name.trim();
          if (author === '') {
            setErrors({ doctorName: 'required' });
            focusFirst({ doctorName: 'required' });
            return;
          }
          if (note.trim() === '') return;
          record.sendNote(author, note.trim());
          setNote('');
        }}
      >
        <h3>{m.notesTitle}</h3>
        <label htmlFor="record-note">{m.note}</label>
        <textarea
          id="record-note"
          data-testid="record-note"
          rows={2}
          maxLength={10_000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button
          className="button button--large"
          type="submit"
          disabled={!enabled}
          data-testid="record-send-note"
        >
          {m.addNote}
        </button>
        <SendStatus record={record} kind="note" />
      </form>
    </section>
  );
}

const FIELDS: readonly FormField[] = [
  'doctorName',
  'doctorRpps',
  'reason',
  'findings',
  'conclusion',
  'prescriptions',
  'actCode',
  'date',
  'pathway',
  'place',
  'accompanyingAct',
  'remarks',
];

const fieldId = (field: FormField): string => `record-${field}`;

function SendStatus({ record, kind }: { record: ConsultantRecord; kind: SendKind }) {
  const m = useMessages(consultantMessages);
  const sends = useStore(record.sends);
  const state = sends[kind];
  if (state === undefined) return null;
  return (
    <p
      className={`record-status record-status--${state.state}`}
      role={state.state === 'sending' || state.state === 'saved' ? 'status' : 'alert'}
      data-testid={`record-status-${kind}`}
      data-state={state.state}
    >
      {m.sendState(kind, state)}
    </p>
  );
}
