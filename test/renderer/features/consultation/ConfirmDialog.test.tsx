import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ConfirmDialog } from '../../../../src/renderer/features/consultation/ConfirmDialog';

/** A page with a header, an opener and the dialog it opens, as the screens use it. */
function Page({ busy = false, onConfirm = () => undefined }: { busy?: boolean; onConfirm?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <header data-testid="header">
        <a href="#station">station</a>
      </header>
      <main>
        <p data-testid="beside">beside</p>
        <button type="button" data-testid="opener" onClick={() => setOpen(true)}>
          open
        </button>
        {open && (
          <ConfirmDialog
            testId="dialog"
            title="title"
            text="text"
            confirm="confirm"
            cancel="cancel"
            busy={busy}
            onConfirm={onConfirm}
            onCancel={() => setOpen(false)}
          />
        )}
      </main>
    </>
  );
}

function openDialog(): HTMLElement {
  const opener = screen.getByTestId('opener');
  opener.focus();
  fireEvent.click(opener);
  return screen.getByTestId('dialog');
}

describe('ConfirmDialog', () => {
  it('makes everything else inert while open, and gives the focus back on Escape', () => {
    render(<Page />);
    const dialog = openDialog();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement?.textContent).toBe('cancel');
    expect(dialog.closest('[inert]')).toBeNull();
    for (const id of ['header', 'beside', 'opener'])
      expect(screen.getByTestId(id).closest('[inert]')).not.toBeNull();

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('dialog')).toBeNull();
    expect(document.querySelectorAll('[inert]')).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByTestId('opener'));
  });

  it('leaves alone what another layer made inert', () => {
    render(<Page />);
    screen.getByTestId('beside').setAttribute('inert', '');
    fireEvent.keyDown(openDialog(), { key: 'Escape' });
    expect(screen.getByTestId('beside').hasAttribute('inert')).toBe(true);
    expect(screen.getByTestId('header').hasAttribute('inert')).toBe(false);
  });

  it('while busy, the confirm button keeps its focus (aria-disabled) and does nothing', () => {
    const onConfirm = jest.fn();
    render(<Page busy onConfirm={onConfirm} />);
    openDialog();
    const confirm = screen.getByTestId('dialog-confirm');
    expect(confirm.hasAttribute('disabled')).toBe(false);
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    confirm.focus();
    fireEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(confirm);
  });
});
