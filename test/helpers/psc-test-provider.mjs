// A local OpenID provider shaped like Pro Santé Connect, for the jest and Playwright tests: the npm
// `oidc-provider` package (ESM, so it runs as its own Node process, never inside jest) on loopback.
// Like PSC (industriels.esante.gouv.fr, "Pro Santé Connect": userinfo; french-rules.md §3): the
// authorization code flow with PKCE S256, `acr_values=eidas1`, the scopes `openid scope_all`, and a
// userinfo that carries `SubjectNameID` (the idNatPs, "8" + RPPS for a doctor in the RPPS),
// `preferred_username` (the same), `given_name`, `family_name` and `SubjectRefPro`.
//
// The sign-in page is a tiny scripted interaction: an `acr` field (eidas1 by default; a test types
// another to play a provider that authenticated weakly), "Sign in" and "Cancel" (error=access_denied).
// A second listener, the impostor, publishes this provider's endpoints under its own issuer name:
// a station configured with the impostor receives ID tokens from another issuer.
//
// Usage: node psc-test-provider.mjs --port P --client-id ID --redirect URL [--redirect URL]...
// The client secret comes from PSC_TEST_CLIENT_SECRET (never argv). Prints one line:
// `PSC test provider ready {"issuer": "...", "impostor": "..."}`.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'client-id': { type: 'string', default: 'station-test' },
    redirect: { type: 'string', multiple: true, default: [] },
  },
});
const secret = process.env.PSC_TEST_CLIENT_SECRET;
if (secret === undefined || secret.length < 16)
  throw new Error('PSC_TEST_CLIENT_SECRET: 16 characters or more');

/** The test doctor: an RPPS from ANS's published annuaire example (IG-fhir-annuaire, PP19). */
export const TEST_DOCTOR = {
  sub: 'f:psc-test:10003461033',
  SubjectNameID: '810003461033',
  preferred_username: '810003461033',
  given_name: 'Claire',
  family_name: 'MARTIN',
  SubjectRefPro: { codeCivilite: 'DR', exercices: [{ codeProfession: '10', nomDExercice: 'MARTIN' }] },
};

const server = createServer();
await new Promise((done) => server.listen(Number(values.port), '127.0.0.1', done));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: values['client-id'],
      client_secret: secret,
      redirect_uris: values.redirect,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  acrValues: ['eidas1', 'eidas2', 'weak'],
  scopes: ['openid', 'scope_all'],
  claims: {
    openid: ['sub'],
    scope_all: ['SubjectNameID', 'preferred_username', 'given_name', 'family_name', 'SubjectRefPro'],
  },
  cookies: { keys: ['psc-test-provider-cookie-key-not-secret'] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, accountId) => ({ accountId, claims: () => ({ ...TEST_DOCTOR, sub: accountId }) }),
  ttl: { IdToken: 120, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
});
// Quiet: a test's output is for the test.
provider.on('server_error', (_ctx, error) => process.stderr.write(`provider error: ${error.message}\n`));

const page = (
  uid,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PSC test provider</title></head>
<body><main><h1>Pro Santé Connect (test)</h1>
<form method="post" action="/interaction/${uid}/login">
<label>Assurance level <input name="acr" value="eidas1"></label>
<button type="submit">Sign in with e-CPS</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>
</main></body></html>`;

async function formOf(request) {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 4096) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

async function interaction(request, response) {
  const [, , uid, action] = new URL(request.url, issuer).pathname.split('/');
  const details = await provider.interactionDetails(request, response);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (details.prompt.name === 'consent' || action === 'login') {
    const accountId = details.session?.accountId ?? TEST_DOCTOR.sub;
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    const acr = action === 'login' ? (await formOf(request)).get('acr') || 'eidas1' : undefined;
    const result =
      action === 'login' ? { login: { accountId, acr }, consent: { grantId } } : { consent: { grantId } };
    return provider.interactionFinished(request, response, result, { mergeWithLastSubmission: false });
  }
  if (action === 'abort')
    return provider.interactionFinished(
      request,
      response,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    );
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(page(uid));
}

const callback = provider.callback();
server.on('request', (request, response) => {
  if (request.url.startsWith('/interaction/')) {
    interaction(request, response).catch((error) => {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end(`interaction failed: ${error.message}`);
    });
    return;
  }
  callback(request, response);
});

// The impostor: this provider's discovery document under another issuer name.
const impostor = createServer(async (request, response) => {
  if (request.url !== '/.well-known/openid-configuration') {
    response.writeHead(404).end();
    return;
  }
  const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ ...discovery, issuer: impostorUrl }));
});
await new Promise((done) => impostor.listen(0, '127.0.0.1', done));
const impostorUrl = `http://127.0.0.1:${impostor.address().port}`;

process.stdout.write(`PSC test provider ready ${JSON.stringify({ issuer, impostor: impostorUrl })}\n`);
const stop = () => {
  server.close();
  impostor.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
