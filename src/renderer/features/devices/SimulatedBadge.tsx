import { useMessages } from '../../i18n/use-messages';
import { devicesMessages } from './devices-messages';

interface SimulatedBadgeProps {
  readonly testId?: string;
  readonly compact?: boolean;
}

/** Says, unmissably, that the values on screen come from a simulator and not from a patient. */
export function SimulatedBadge({ testId = 'simulated-badge', compact = false }: SimulatedBadgeProps) {
  const m = useMessages(devicesMessages);
  return (
    <span
      className={compact ? 'simulated-badge simulated-badge--compact' : 'simulated-badge'}
      data-testid={testId}
      role="status"
      title={m.simulatedTitle}
    >
      {m.simulated}
    </span>
  );
}
