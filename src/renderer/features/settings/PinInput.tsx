import type { ChangeEvent, Ref } from 'react';

interface PinInputProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly describedBy?: string | undefined;
  readonly invalid?: boolean;
  readonly testId?: string;
  /** For a form that moves the focus to the field (after a wrong PIN). */
  readonly inputRef?: Ref<HTMLInputElement>;
}

/**
 * A PIN field for a touch screen: the numeric keypad (`inputMode`), masked, never remembered or
 * suggested by the browser (`autoComplete="off"`), and only digits kept.
 */
export function PinInput({
  id,
  label,
  value,
  onChange,
  describedBy,
  invalid = false,
  testId,
  inputRef,
}: PinInputProps) {
  const onInput = (event: ChangeEvent<HTMLInputElement>): void =>
    onChange(event.target.value.replace(/\D/g, '').slice(0, 12));
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        className="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        pattern="[0-9]*"
        maxLength={12}
        value={value}
        onChange={onInput}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        data-testid={testId}
      />
    </div>
  );
}
