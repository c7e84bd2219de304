import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useFormat, useMessages } from '../../i18n/use-messages';
import type { Invite } from './call-api';
import { callMessages } from './call-messages';
import { inviteMessages } from './invite-messages';

type CopyState = 'idle' | 'copied' | 'by-hand';

/**
 * The consultant's link, as text to copy and as a QR code to scan with a phone or tablet. The QR is
 * a data: URL image (the CSP allows `img-src data:`), drawn locally: the link never leaves the
 * station except through whoever it is given to.
 */
export function InviteLink({ invite }: { invite: Invite }) {
  const m = useMessages(callMessages);
  const words = useMessages(inviteMessages);
  const format = useFormat();
  const [qr, setQr] = useState<string | null>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const urlField = useRef<HTMLInputElement>(null);
  // Without clipboard permission (an http page, a kiosk policy) the link is selected for Ctrl+C.
  const copyLink = async (): Promise<void> => {
    try {
      if (navigator.clipboard === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(invite.consultantUrl);
      setCopy('copied');
    } catch {
      urlField.current?.focus();
      urlField.current?.select();
      setCopy('by-hand');
    }
  };
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(invite.consultantUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 })
      .then((url) => live && setQr(url))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [invite.consultantUrl]);
  return (
    <section className="invite" aria-label={m.invite}>
      {qr !== null && <img className="invite-qr" src={qr} alt={m.inviteQr} data-testid="invite-qr" />}
      <div className="invite-text">
        <input
          ref={urlField}
          className="invite-url"
          readOnly
          value={invite.consultantUrl}
          data-testid="invite-url"
          aria-label={m.consultantLink}
          aria-describedby={copy === 'by-hand' ? 'invite-copy-hint' : undefined}
        />
        <button
          className="button button--large"
          type="button"
          data-testid="invite-copy"
          onClick={() => void copyLink()}
        >
          {copy === 'copied' ? m.copied : m.copyLink}
        </button>
        <span role="status" id="invite-copy-hint" data-testid="invite-copy-hint">
          {copy === 'by-hand' ? words.copyByHand : ''}
        </span>
        <span className="invite-expiry">{m.validUntil(format.time(new Date(invite.expiresAt)))}</span>
      </div>
    </section>
  );
}
