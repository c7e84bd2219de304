import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { exposeProbe, readCallFlags } from '../features/call/call-flags';
import '../styles.css';
import '../features/call/call.css';
import './consultant.css';
import { ConsultantApp } from './ConsultantApp';
import { ConsultantCall } from './consultant-call';
import { inviteTokenFrom } from './invite-fragment';

const root = document.getElementById('root');
if (root === null) throw new Error('consultant.html has no #root element');
const token = inviteTokenFrom(window.location.hash);
if (token === null) {
  root.textContent = 'This link has no invitation in it. Ask the station for a new consultant link.';
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
      <ConsultantApp call={call} />
    </StrictMode>,
  );
}
