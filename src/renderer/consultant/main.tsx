import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { messagesFor, resolveLocale } from '../../shared/i18n';
import { exposeProbe, readCallFlags } from '../features/call/call-flags';
import { I18nProvider } from '../i18n/I18nProvider';
import { systemLanguages } from '../i18n/system-languages';
import '../styles.css';
import '../features/call/call.css';
import './consultant.css';
import './record-forms.css';
import { ConsultantApp } from './ConsultantApp';
import { ConsultantCall } from './consultant-call';
import { consultantMessages } from './consultant-messages';
import { sessionSeatStore } from '../features/call/seat-store';
import { ConsultantRecord } from './consultant-record';
import { inviteForThisTab, reportLinkForThisTab, SEAT_KEY } from './invite-fragment';
import { ReportOnlyApp } from './ReportOnlyApp';
import { ReportOnlyConnection } from './report-only-connection';
import { PscGate } from './PscGate';
import { pscOutcomeFrom, pscSession } from './psc-sign-in';
import type { VerifiedConsultant } from '../../shared/domain/consultant-identity';

const root = document.getElementById('root');
if (root === null) throw new Error('consultant.html has no #root element');
// The doctor's page follows the doctor's browser language: the station's setting is not theirs.
const locale = resolveLocale('system', systemLanguages());
// The tab's name too (consultant.html's own title is the one page served to every language).
document.title = messagesFor(consultantMessages, locale).documentTitle;
const reportToken = reportLinkForThisTab(window.location.hash, sessionStorage);
if (reportToken !== null) {
  // A report-only link (after the end): data only, the saved report loaded, nothing else. Where the
  // rendezvous asks for Pro Santé Connect, the doctor signs in first, as for the call.
  const pscOutcome = pscOutcomeFrom(window.location.hash);
  history.replaceState(null, '', window.location.pathname + window.location.search);
  const flags = readCallFlags(window.location.search);
  const connection = new ReportOnlyConnection(reportToken, flags.relayOnly);
  const record = new ConsultantRecord(null);
  record.continueAfterEnd(connection);
  exposeProbe(flags, 'consultant', { record, connection });
  window.addEventListener('pagehide', () => connection.hangUp());
  const begin = (identity: VerifiedConsultant | null): void => {
    if (identity !== null) record.verifiedDoctor.set(identity);
    void record.connectAfterEnd();
  };
  createRoot(root).render(
    <StrictMode>
      <I18nProvider locale={locale}>
        <PscGate invite={reportToken} outcome={pscOutcome} onPass={begin}>
          <ReportOnlyApp record={record} connection={connection} />
        </PscGate>
      </I18nProvider>
    </StrictMode>,
  );
} else {
  startCall(root);
}

function startCall(root: HTMLElement): void {
  // The invite from the link, or the one this tab was opened with (F5, a restored tab): the tab's
  // rendezvous seat, kept beside it, takes the same place in the call without a new link.
  const token = inviteForThisTab(window.location.hash, sessionStorage);
  const seat = sessionSeatStore(sessionStorage, SEAT_KEY);
  if (token === null && seat.load() === null) {
    root.textContent = messagesFor(consultantMessages, locale).noInvite;
    return;
  }
  // Back from Pro Santé Connect (`#psc=`), the invite is the one this tab kept.
  const pscOutcome = pscOutcomeFrom(window.location.hash);
  // The token is a bearer credential: take it out of the address bar (and its history entry).
  history.replaceState(null, '', window.location.pathname + window.location.search);
  const flags = readCallFlags(window.location.search);
  const call = new ConsultantCall(token ?? '', flags, seat);
  exposeProbe(flags, 'consultant', call);
  // The call lives with the page, not with a component. Leaving the page (F5, a closed tab) is no
  // goodbye: the seat stays resumable and the station waits; only "End call" hangs up.
  window.addEventListener('pagehide', () => call.leavePage());
  const begin = (identity: VerifiedConsultant | null): void => {
    if (identity !== null) call.record.verifiedDoctor.set(identity);
    void call.start();
  };
  // A tab taking back its seat needs no new sign-in (the seat was given to a signed-in doctor);
  // who they are is asked on the side, to keep the forms signed by them.
  const seated = seat.load() !== null;
  if (seated && token !== null)
    void pscSession(token).then((session) => {
      if (typeof session !== 'string' && session.required && session.identity !== null)
        call.record.verifiedDoctor.set(session.identity);
    });
  createRoot(root).render(
    <StrictMode>
      <I18nProvider locale={locale}>
        <PscGate invite={seated ? null : token} outcome={pscOutcome} onPass={begin}>
          <ConsultantApp call={call} />
        </PscGate>
      </I18nProvider>
    </StrictMode>,
  );
}
