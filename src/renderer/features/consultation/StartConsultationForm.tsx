import { useRef, useState, type ReactNode } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import {
  ACCOMPANYING_ROLES,
  IDENTITY_DOCUMENTS,
  IDENTITY_STATUSES,
  INS_SOURCES,
  SEXES,
  type AccompanyingRole,
  type ConsultationStart,
  type IdentityDocument,
  type IdentityStatus,
  type InsSource,
  type Sex,
} from '../../../shared/domain/consultation';
import { useMessages } from '../../i18n/use-messages';
import { DateFields } from '../forms/DateFields';
import { consultationMessages } from './consultation-messages';
import { todayIso } from './dates';
import {
  buildStart,
  emptyFields,
  firstError,
  identityAsks,
  type FieldErrors,
  type FieldName,
  type StartFields,
} from './start-form';

interface StartConsultationFormProps {
  /** Who records the consent by default: the station's operator from the settings. */
  readonly operatorName: string;
  /** Sends the start to the backend; a rejection is shown above the button. */
  readonly onStart: (start: ConsultationStart) => Promise<void>;
}

const fieldId = (field: FieldName): string => `consult-${field}`;
const errorId = (field: FieldName): string => `consult-${field}-error`;

/**
 * Patient identity, the professional with them, and the patient's consent, checked with the same
 * schema the backend applies. Each problem is written beside its field (and linked to it for
 * screen readers); the first one gets the focus. No start without consent to the teleconsultation.
 */
export function StartConsultationForm({ operatorName, onStart }: StartConsultationFormProps) {
  const m = useMessages(consultationMessages);
  const problemText = useProblemText();
  const [fields, setFields] = useState<StartFields>(() => emptyFields(operatorName));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = <K extends keyof StartFields>(key: K, value: StartFields[K]): void => {
    setFields((current) => ({ ...current, [key]: value }));
    // A field's problem goes away as soon as it is edited; the next submit checks again.
    setErrors((current) => (key in current ? { ...current, [key]: undefined } : current));
  };
  const invalid = (field: FieldName) => ({
    id: fieldId(field),
    'aria-invalid': errors[field] !== undefined,
    'aria-describedby': errors[field] !== undefined ? errorId(field) : undefined,
  });
  const errorCount = Object.values(errors).filter((e) => e !== undefined).length;
  const asks = identityAsks(fields.identityStatus);

  return (
    <form
      ref={formRef}
      className="consult-form"
      noValidate
      data-testid="consultation-start-form"
      onSubmit={(event) => {
        event.preventDefault();
        setRefused(null);
        const result = buildStart(fields, todayIso());
        if (!result.ok) {
          setErrors(result.errors);
          const first = firstError(result.errors);
          if (first !== null) formRef.current?.querySelector<HTMLElement>(`#${fieldId(first)}`)?.focus();
          return;
        }
        setErrors({});
        setBusy(true);
        onStart(result.value)
          .catch((cause: unknown) => setRefused(problemText(cause)))
          .finally(() => setBusy(false));
      }}
    >
      <fieldset className="consult-fieldset">
        <legend>{m.patient}</legend>
        <Field field="familyName" label={m.familyName} error={errors.familyName}>
          <input
            {...invalid('familyName')}
            autoComplete="off"
            value={fields.familyName}
            maxLength={100}
            onChange={(e) => set('familyName', e.target.value)}
          />
        </Field>
        <Field field="givenNames" label={m.givenNames} error={errors.givenNames} hint={m.givenNamesHint}>
          <input
            {...invalid('givenNames')}
            autoComplete="off"
            value={fields.givenNames}
            maxLength={200}
            onChange={(e) => set('givenNames', e.target.value)}
          />
        </Field>
        <Field field="usedGivenName" label={m.usedGivenName} error={errors.usedGivenName}>
          <input
            {...invalid('usedGivenName')}
            autoComplete="off"
            value={fields.usedGivenName}
            maxLength={60}
            onChange={(e) => set('usedGivenName', e.target.value)}
          />
        </Field>
        <Field field="birthDate" label={m.birthDate} error={errors.birthDate}>
          <DateFields
            id={fieldId('birthDate')}
            testId="consult-birthDate"
            autoComplete="bday"
            max={todayIso()}
            invalid={errors.birthDate !== undefined}
            {...(errors.birthDate === undefined ? {} : { describedBy: errorId('birthDate') })}
            value={fields.birthDate}
            onChange={(date) => set('birthDate', date)}
          />
        </Field>
        <Field field="sex" label={m.sex} error={errors.sex}>
          <select {...invalid('sex')} value={fields.sex} onChange={(e) => set('sex', e.target.value as Sex)}>
            <option value="">{m.choose}</option>
            {SEXES.map((sex) => (
              <option key={sex} value={sex}>
                {m.sexName(sex)}
              </option>
            ))}
          </select>
        </Field>
        <Field field="birthPlace" label={m.birthPlace} error={errors.birthPlace} hint={m.birthPlaceHint}>
          <input
            {...invalid('birthPlace')}
            autoComplete="off"
            value={fields.birthPlace}
            maxLength={7}
            onChange={(e) => set('birthPlace', e.target.value)}
          />
        </Field>
        <Field
          field="identityStatus"
          label={m.identityStatus}
          error={errors.identityStatus}
          hint={m.identityStatusHint}
        >
          <select
            {...invalid('identityStatus')}
            value={fields.identityStatus}
            onChange={(e) => set('identityStatus', e.target.value as IdentityStatus)}
          >
            {IDENTITY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {m.identityStatusName(status)}
              </option>
            ))}
          </select>
        </Field>
        {asks.document && (
          <Field field="identityDocument" label={m.identityDocument} error={errors.identityDocument}>
            <select
              {...invalid('identityDocument')}
              value={fields.identityDocument}
              onChange={(e) => set('identityDocument', e.target.value as IdentityDocument | '')}
            >
              <option value="">{m.choose}</option>
              {IDENTITY_DOCUMENTS.map((document) => (
                <option key={document} value={document}>
                  {m.identityDocumentName(document)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {asks.insSource && (
          <Field field="insSource" label={m.insSource} error={errors.insSource}>
            <select
              {...invalid('insSource')}
              value={fields.insSource}
              onChange={(e) => set('insSource', e.target.value as InsSource | '')}
            >
              <option value="">{m.choose}</option>
              {INS_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {m.insSourceName(source)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field field="ins" label={m.ins} error={errors.ins} hint={m.insHint}>
          <input
            {...invalid('ins')}
            autoComplete="off"
            inputMode="text"
            value={fields.ins}
            maxLength={30}
            onChange={(e) => set('ins', e.target.value)}
          />
        </Field>
        <Field field="insuranceNumber" label={m.insuranceNumber} error={errors.insuranceNumber}>
          <input
            {...invalid('insuranceNumber')}
            autoComplete="off"
            value={fields.insuranceNumber}
            maxLength={30}
            onChange={(e) => set('insuranceNumber', e.target.value)}
          />
        </Field>
        <Field field="motive" label={m.motive} error={errors.motive}>
          <textarea
            {...invalid('motive')}
            rows={2}
            value={fields.motive}
            maxLength={500}
            onChange={(e) => set('motive', e.target.value)}
          />
        </Field>
      </fieldset>

      <fieldset className="consult-fieldset">
        <legend>{m.accompanyingTitle}</legend>
        <div className="consult-choices" role="radiogroup" aria-label={m.accompanyingTitle}>
          <label className="consult-choice">
            <input
              type="radio"
              name="accompanied"
              checked={!fields.accompanied}
              onChange={() => set('accompanied', false)}
              data-testid="accompanying-none"
            />
            {m.accompanyingNone}
          </label>
          <label className="consult-choice">
            <input
              type="radio"
              name="accompanied"
              checked={fields.accompanied}
              onChange={() => set('accompanied', true)}
              data-testid="accompanying-present"
            />
            {m.accompanyingPresent}
          </label>
        </div>
        {fields.accompanied && (
          <>
            <Field field="accompanyingName" label={m.accompanyingName} error={errors.accompanyingName}>
              <input
                {...invalid('accompanyingName')}
                value={fields.accompanyingName}
                maxLength={120}
                onChange={(e) => set('accompanyingName', e.target.value)}
              />
            </Field>
            <Field field="accompanyingRole" label={m.accompanyingRole} error={errors.accompanyingRole}>
              <select
                {...invalid('accompanyingRole')}
                value={fields.accompanyingRole}
                onChange={(e) => set('accompanyingRole', e.target.value as AccompanyingRole)}
              >
                {ACCOMPANYING_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {m.roleName(role)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              field="accompanyingIdentifier"
              label={m.accompanyingIdentifier}
              error={errors.accompanyingIdentifier}
            >
              <input
                {...invalid('accompanyingIdentifier')}
                inputMode="numeric"
                value={fields.accompanyingIdentifier}
                maxLength={14}
                onChange={(e) => set('accompanyingIdentifier', e.target.value)}
              />
            </Field>
          </>
        )}
      </fieldset>

      <fieldset className="consult-fieldset consult-consent">
        <legend>{m.consentTitle}</legend>
        <p className="consult-consent-text" id="consult-consent-text">
          {m.consentExplain}
        </p>
        <Check
          field="consentTeleconsultation"
          label={m.consentTeleconsultation}
          checked={fields.consentTeleconsultation}
          error={errors.consentTeleconsultation}
          onChange={(checked) => set('consentTeleconsultation', checked)}
        />
        <Check
          field="consentDeviceData"
          label={m.consentDeviceData}
          checked={fields.consentDeviceData}
          error={errors.consentDeviceData}
          onChange={(checked) => set('consentDeviceData', checked)}
        />
        <Field field="recordedBy" label={m.recordedBy} error={errors.recordedBy}>
          <input
            {...invalid('recordedBy')}
            value={fields.recordedBy}
            maxLength={120}
            onChange={(e) => set('recordedBy', e.target.value)}
          />
        </Field>
      </fieldset>

      {errorCount > 0 && (
        <p className="consult-error" role="alert" data-testid="consultation-form-errors">
          {m.fixErrors(errorCount)}
        </p>
      )}
      {refused !== null && (
        <p className="consult-error" role="alert" data-testid="consultation-start-refused">
          {m.backendError(refused)}
        </p>
      )}
      <button
        className="button button--large button--primary"
        type="submit"
        disabled={busy}
        data-testid="consultation-start"
      >
        {busy ? m.starting : m.start}
      </button>
    </form>
  );
}

interface FieldProps {
  readonly field: FieldName;
  readonly label: string;
  readonly error: FieldErrors[FieldName];
  readonly hint?: string;
  readonly children: ReactNode;
}

/** A label above its input, an optional hint, and the problem (if any) beside it. */
function Field({ field, label, error, hint, children }: FieldProps) {
  const m = useMessages(consultationMessages);
  return (
    <div className="consult-field" data-testid={`field-${field}`}>
      <label htmlFor={fieldId(field)}>{label}</label>
      {hint !== undefined && <span className="consult-hint">{hint}</span>}
      {children}
      {error !== undefined && (
        <span className="consult-field-error" id={errorId(field)} data-testid={`error-${field}`}>
          {m.problem(error)}
        </span>
      )}
    </div>
  );
}

interface CheckProps {
  readonly field: FieldName;
  readonly label: string;
  readonly checked: boolean;
  readonly error: FieldErrors[FieldName];
  readonly onChange: (checked: boolean) => void;
}

/** A consent tick box: the whole line is the target, and the consent text describes it. */
function Check({ field, label, checked, error, onChange }: CheckProps) {
  const m = useMessages(consultationMessages);
  const describedBy = ['consult-consent-text', ...(error === undefined ? [] : [errorId(field)])].join(' ');
  return (
    <div className="consult-field consult-field--check">
      <label className="consult-check">
        <input
          id={fieldId(field)}
          type="checkbox"
          checked={checked}
          aria-invalid={error !== undefined}
          aria-describedby={describedBy}
          data-testid={`consent-${field === 'consentTeleconsultation' ? 'teleconsultation' : 'device-data'}`}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{label}</span>
      </label>
      {error !== undefined && (
        <span className="consult-field-error" id={errorId(field)} data-testid={`error-${field}`}>
          {m.problem(error)}
        </span>
      )}
    </div>
  );
}
