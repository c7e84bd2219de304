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
import { inviteTokenFrom } from './invite-fragment';

const root = document.getElementById('root');
if (root === null) throw new Error('consultant.html has no #root element');
// The doctor's page follows the doctor's browser language: the station's setting is not theirs.
const locale = resolveLocale('system', systemLanguages());
const token = inviteTokenFrom(window.location.hash);
if (token === null) {
  root.textContent = messagesFor(consultantMessages, locale).noInvite;
} else {
  // The token is a bearer credential: take it out of the address bar (and its history entry).
  history.replaceState(null, '', window.location.pathname + window.location.search);
  const flags = readCallFlags(window.location.search);
  const call = new ConsultantCall(token, flags);
  exposeProbe(flags, 'consultant', call);
  // The call lives with the page, not with a component: closing the tab says goodbye.
  window.addEventListener('pagehide', () => call.hangUp());
  void call.start();
  createRoot(root).render(
    <StrictMode>
      <I18nProvider locale={locale}>
        <ConsultantApp call={call} />
      </I18nProvider>
    </StrictMode>,
  );
}
