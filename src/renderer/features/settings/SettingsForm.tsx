import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import type { Settings } from '../../../shared/domain/settings';
import type { StationSession } from '../../app/station-session';
import { BackendCallError } from '../../backend-client/backend-client';
import { useMessages } from '../../i18n/use-messages';
import { useStore } from '../use-store';
import { Feedback, type FeedbackValue } from './Feedback';
import {
  checkSettingsForm,
  formValuesFrom,
  type FieldErrors,
  type SettingsField,
  type SettingsFormValues,
} from './settings-form';
import { settingsMessages } from './settings-messages';

/** Order in which fields appear, so the first invalid one can be focused. */
const FIELD_ORDER: readonly SettingsField[] = [
  'language',
  'operatorName',
  'kiosk',
  'autoConnect',
  'noDataTimeoutS',
  'waveformWindowS',
  'rendezvousUrl',
  'stunUrls',
  'turnUrls',
  'retentionDays',
  'reportAmendHours',
];

/**
 * The station's settings, validated field by field with the shared schema before anything is sent;
 * `settings.update` gets only the changed fields. Until the user edits, the form follows settings
 * changed elsewhere (another window, the host); after, their edits are kept.
 */

/** The saved confirmation, worded at display time in the language the save may just have chosen. */
const SAVED = '\u0000saved';

export function SettingsForm({
  session,
  onLocked,
  kioskApplies = true,
}: {
  session: StationSession;
  onLocked: () => void;
  /**
   * False where no kiosk can follow the setting (a browser on the Node host): the checkbox is
   * disabled and says it applies to the installed station only.
   */
  kioskApplies?: boolean;
}) {
  const m = useMessages(settingsMessages);
  const problemText = useProblemText();
  const settings = useStore(session.settings);
  const [base, setBase] = useState<Settings>(settings);
  const [values, setValues] = useState<SettingsFormValues>(() => formValuesFrom(settings));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [feedback, setFeedback] = useState<FeedbackValue>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  if (settings !== base && !dirty) {
    // Adjusting state while rendering (React's documented pattern): no flash of the old values.
    setBase(settings);
    setValues(formValuesFrom(settings));
  }

  const edit = <K extends SettingsField>(field: K, value: SettingsFormValues[K]): void => {
    setValues((old) => ({ ...old, [field]: value }));
    setDirty(true);
  };

  const focusFirstError = (found: FieldErrors): void => {
    const first = FIELD_ORDER.find((field) => found[field] !== undefined);
    if (first !== undefined) formRef.current?.querySelector<HTMLElement>(`#setting-${first}`)?.focus();
  };
  useEffect(() => focusFirstError(errors), [errors]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const check = checkSettingsForm(values, settings);
    if (!check.ok) {
      setErrors(check.errors);
      setFeedback({ kind: 'error', text: m.fixFields(Object.keys(check.errors).length) });
      return;
    }
    setErrors({});
    if (Object.keys(check.patch).length === 0) {
      setDirty(false);
      return setFeedback({ kind: 'ok', text: m.nothingChanged });
    }
    setBusy(true);
    try {
      const saved = await session.backend.call('settings.update', check.patch);
      session.settings.set(saved);
      setBase(saved);
      setValues(formValuesFrom(saved));
      setDirty(false);
      setFeedback({ kind: 'ok', text: SAVED });
    } catch (cause) {
      const locked = cause instanceof BackendCallError && cause.code === 'forbidden';
      setFeedback({ kind: 'error', text: locked ? m.lockedNow : m.saveFailed(problemText(cause)) });
      if (locked) onLocked();
    } finally {
      setBusy(false);
    }
  };

  const field = (name: SettingsField, control: (props: ControlProps) => ReactNode): ReactNode => {
    const error = errors[name];
    const hint = name === 'kiosk' && !kioskApplies ? m.kioskInstalledOnly : m.hint(name);
    const describedBy = [
      hint === '' ? null : `setting-${name}-hint`,
      error === undefined ? null : `setting-${name}-error`,
    ]
      .filter((id) => id !== null)
      .join(' ');
    return (
      <FieldRow
        name={name}
        label={m.label(name)}
        hint={hint}
        error={error === undefined ? null : m.fieldError(name, error)}
      >
        {control({
          id: `setting-${name}`,
          'aria-describedby': describedBy || undefined,
          'aria-invalid': error !== undefined || undefined,
        })}
      </FieldRow>
    );
  };
  const text = (name: 'operatorName' | 'rendezvousUrl', type: 'text' | 'url') =>
    field(name, (props) => (
      <input
        {...props}
        type={type}
        value={values[name]}
        onChange={(e) => edit(name, e.target.value)}
        spellCheck={false}
      />
    ));
  const whole = (name: 'noDataTimeoutS' | 'waveformWindowS' | 'retentionDays' | 'reportAmendHours') =>
    field(name, (props) => (
      <input
        {...props}
        type="text"
        inputMode="numeric"
        value={values[name]}
        onChange={(e) => edit(name, e.target.value)}
      />
    ));
  const lines = (name: 'stunUrls' | 'turnUrls') =>
    field(name, (props) => (
      <textarea
        {...props}
        rows={3}
        value={values[name]}
        onChange={(e) => edit(name, e.target.value)}
        spellCheck={false}
      />
    ));
  const toggle = (name: 'autoConnect' | 'kiosk') =>
    field(name, (props) => (
      <input
        {...props}
        type="checkbox"
        disabled={name === 'kiosk' && !kioskApplies}
        checked={values[name]}
        onChange={(e) => edit(name, e.target.checked)}
      />
    ));

  return (
    <form
      ref={formRef}
      className="settings-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="settings-form"
    >
      <fieldset className="settings-section">
        <legend>{m.sectionGeneral}</legend>
        {field('language', (props) => (
          <select
            {...props}
            value={values.language}
            onChange={(e) => edit('language', e.target.value as Settings['language'])}
          >
            <option value="system">{m.languageSystem}</option>
            {/* Each language named in itself: whoever cannot read the current one finds theirs. */}
            <option value="en" lang="en">
              {m.languageEnglish}
            </option>
            <option value="fr" lang="fr">
              {m.languageFrench}
            </option>
          </select>
        ))}
        {text('operatorName', 'text')}
        {toggle('kiosk')}
      </fieldset>
      <fieldset className="settings-section">
        <legend>{m.sectionDevices}</legend>
        {toggle('autoConnect')}
        {whole('noDataTimeoutS')}
        {whole('waveformWindowS')}
      </fieldset>
      <fieldset className="settings-section">
        <legend>{m.sectionNetwork}</legend>
        {text('rendezvousUrl', 'url')}
        {lines('stunUrls')}
        {lines('turnUrls')}
      </fieldset>
      <fieldset className="settings-section">
        <legend>{m.sectionRecords}</legend>
        {whole('retentionDays')}
        {whole('reportAmendHours')}
      </fieldset>
      <div className="settings-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="settings-save">
          {busy ? m.saving : m.save}
        </button>
      </div>
      {/* Worded when shown, so a change of language confirms itself in the newly chosen one. */}
      <Feedback
        value={feedback?.text === SAVED ? { kind: 'ok', text: m.saved } : feedback}
        testId="settings-feedback"
      />
    </form>
  );
}

interface ControlProps {
  readonly id: string;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': true | undefined;
}

function FieldRow(props: {
  readonly name: SettingsField;
  readonly label: string;
  readonly hint: string;
  readonly error: string | null;
  readonly children: ReactNode;
}) {
  const { name, label, hint, error, children } = props;
  const isToggle = name === 'autoConnect' || name === 'kiosk';
  return (
    <div className={isToggle ? 'settings-field settings-field--toggle' : 'settings-field'} data-field={name}>
      <label htmlFor={`setting-${name}`}>{label}</label>
      {children}
      {hint !== '' && (
        <p id={`setting-${name}-hint`} className="settings-hint">
          {hint}
        </p>
      )}
      {error !== null && (
        <p id={`setting-${name}-error`} className="settings-error" data-testid={`setting-${name}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
