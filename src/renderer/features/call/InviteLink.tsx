import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useFormat, useMessages } from '../../i18n/use-messages';
import type { Invite } from './call-api';
import { callMessages } from './call-messages';

/**
 * The consultant's link, as text to copy and as a QR code to scan with a phone or tablet. The QR is
 * a data: URL image (the CSP allows `img-src data:`), drawn locally: the link never leaves the
 * station except through whoever it is given to.
 */
export function InviteLink({ invite }: { invite: Invite }) {
  const m = useMessages(callMessages);
  const format = useFormat();
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
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
          className="invite-url"
          readOnly
          value={invite.consultantUrl}
          data-testid="invite-url"
          aria-label={m.consultantLink}
        />
        <button
          className="button button--large"
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(invite.consultantUrl).then(() => setCopied(true));
          }}
        >
          {copied ? m.copied : m.copyLink}
        </button>
        <span className="invite-expiry">{m.validUntil(format.time(new Date(invite.expiresAt)))}</span>
      </div>
    </section>
  );
}
