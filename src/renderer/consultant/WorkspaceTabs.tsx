import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useMessages } from '../i18n/use-messages';
import { workspaceMessages, type WorkspaceTab } from './workspace-messages';

const TABS: readonly WorkspaceTab[] = ['record', 'patient', 'trends', 'ecg'];

/** From this window height the record starts open under the video; below it, only the tabs show. */
const OPEN_FROM_HEIGHT_PX = 900;

/**
 * The doctor's work under the video, as wide as it: the record forms, the patient and chat, the
 * trends and the ECG viewer, one tab at a time. Hidden, only the tab strip remains and the video
 * takes the height back; every panel stays mounted, so a half-written report survives a switch.
 */
export function WorkspaceTabs({
  panels,
  openOn = null,
}: {
  panels: Readonly<Record<WorkspaceTab, ReactNode>>;
  /** A tab that opens by itself when this turns non-null (the record, once the station ended the call). */
  openOn?: WorkspaceTab | null;
}) {
  const m = useMessages(workspaceMessages);
  const [tab, setTab] = useState<WorkspaceTab>('record');
  const [open, setOpen] = useState(() => window.innerHeight >= OPEN_FROM_HEIGHT_PX);
  // Adjusted while rendering, not in an effect: the tab opens in the same paint as the change.
  const [seenOpenOn, setSeenOpenOn] = useState(openOn);
  if (openOn !== seenOpenOn) {
    setSeenOpenOn(openOn);
    if (openOn !== null) {
      setTab(openOn);
      setOpen(true);
    }
  }
  const buttons = useRef(new Map<WorkspaceTab, HTMLButtonElement>());
  const choose = (next: WorkspaceTab): void => {
    setOpen(next !== tab || !open);
    setTab(next);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length];
    setTab(next);
    setOpen(true);
    buttons.current.get(next)?.focus();
  };
  return (
    <div className="consultant-workspace" data-open={open} data-testid="consultant-workspace">
      <div className="consultant-workspace-bar">
        <div role="tablist" aria-label={m.workTabs} className="consultant-tabs" onKeyDown={onKeyDown}>
          {TABS.map((name) => (
            <button
              key={name}
              ref={(button) => {
                if (button === null) buttons.current.delete(name);
                else buttons.current.set(name, button);
              }}
              type="button"
              role="tab"
              id={`workspace-tab-${name}`}
              className="consultant-tab"
              aria-selected={name === tab}
              aria-expanded={open && name === tab}
              aria-controls={`workspace-panel-${name}`}
              tabIndex={name === tab ? 0 : -1}
              data-testid={`workspace-tab-${name}`}
              onClick={() => choose(name)}
            >
              {m.tab(name)}
            </button>
          ))}
        </div>
        {open && (
          <button
            type="button"
            className="button consultant-workspace-hide"
            data-testid="workspace-hide"
            onClick={() => setOpen(false)}
          >
            {m.hideWork}
          </button>
        )}
      </div>
      {TABS.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`workspace-panel-${name}`}
          aria-labelledby={`workspace-tab-${name}`}
          className="consultant-workspace-panel"
          data-testid={`workspace-panel-${name}`}
          hidden={!open || name !== tab}
          // A panel is scrolled by keyboard too: it takes focus (axe scrollable-region-focusable).
          tabIndex={0}
        >
          {panels[name]}
        </div>
      ))}
    </div>
  );
}
