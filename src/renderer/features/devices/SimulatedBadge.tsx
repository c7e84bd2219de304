interface SimulatedBadgeProps {
  readonly testId?: string;
  readonly compact?: boolean;
}

/** Says, unmissably, that the values on screen come from a simulator and not from a patient. */
export function SimulatedBadge({ testId = 'simulated-badge', compact = false }: SimulatedBadgeProps) {
  return (
    <span
      className={compact ? 'simulated-badge simulated-badge--compact' : 'simulated-badge'}
      data-testid={testId}
      role="status"
      title="Readings come from a device simulator, not from a patient"
    >
      SIMULATED
    </span>
  );
}
