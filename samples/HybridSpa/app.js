// The single-page app of the hybrid SPA sample, plain JavaScript with no build step. It redeems the SPA code the
// server handed it (a cross-origin POST to the token endpoint: no secret, no PKCE; the browser sends its Origin),
// keeps the tokens for this tab in sessionStorage, and shows who is signed in from the ID token it obtained.
(() => {
  'use strict';
  const config = JSON.parse(document.getElementById('spa-config').textContent);
  const storageKey = 'hybrid-spa.tokens';
  if (!config.signedIn) {
    sessionStorage.removeItem(storageKey); // signed out on the server: signed out here too
    return;
  }

  const element = id => document.getElementById(id);

  /** The payload of a JWT (base64url JSON). The browser trusts it because it came straight from the token endpoint over TLS. */
  function payload(jwt) {
    const part = jwt.split('.')[1];
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), c => c.charCodeAt(0))));
  }

  async function redeem(spaCode) {
    const body = new URLSearchParams({
      client_id: config.clientId,
      grant_type: 'authorization_code',
      code: spaCode,
      redirect_uri: config.redirectUri,
      scope: config.scope,
    });
    let response;
    try {
      response = await fetch(config.tokenEndpoint, { method: 'POST', body, mode: 'cors', credentials: 'omit', cache: 'no-store' });
    } catch (error) {
      throw new Error(`The token endpoint ${config.tokenEndpoint} could not be reached (${error.message}). `
        + 'If the authority has a self-signed certificate (the embedded FakeAuthority), open that address once and accept it.');
    }

    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(`The token endpoint refused the SPA code (${response.status} ${answer.error ?? ''}): ${answer.error_description ?? 'no description'}`);
    }

    const claims = payload(answer.id_token);
    if (claims.aud !== config.clientId) {
      throw new Error(`The ID token is for '${claims.aud}', not this app.`);
    }

    return { idToken: answer.id_token, accessToken: answer.access_token, expiresAt: Date.now() + answer.expires_in * 1000 };
  }

  const times = new Set(['iat', 'nbf', 'exp', 'auth_time']);

  function fillTable(table, claims) {
    for (const [name, value] of Object.entries(claims)) {
      const row = table.insertRow();
      const header = document.createElement('th');
      header.scope = 'row';
      header.textContent = name;
      row.appendChild(header);
      row.insertCell().textContent = times.has(name) && typeof value === 'number'
        ? `${value} (${new Date(value * 1000).toISOString()})`
        : typeof value === 'string' ? value : JSON.stringify(value);
    }
  }

  function show(tokens) {
    const idClaims = payload(tokens.idToken);
    const name = idClaims.name ?? idClaims.preferred_username ?? idClaims.sub;
    element('spa-user').textContent = name;
    element('browser-user').textContent = name;
    element('title').textContent = document.title = `Hello, ${name}`;
    fillTable(element('id-token-claims'), idClaims);
    fillTable(element('access-token-claims'), payload(tokens.accessToken));
    element('spa-status').textContent = tokens.expiresAt > Date.now()
      ? `This page holds its own tokens; its access token expires at ${new Date(tokens.expiresAt).toLocaleTimeString()}.`
      : 'This page\'s access token has expired: sign out and in again.';
    element('spa-result').hidden = false;
  }

  function fail(message) {
    element('spa-status').textContent = 'This page could not sign you in.';
    element('browser-user').textContent = 'not signed in';
    element('spa-error').textContent = message;
    element('spa-error').hidden = false;
  }

  async function start() {
    if (config.spaCodeMissing) {
      throw new Error('The authority returned no SPA code. Register this page\'s address as a Single-page application redirect URI of the app.');
    }

    let tokens;
    if (config.spaCode) {
      tokens = await redeem(config.spaCode);
      sessionStorage.setItem(storageKey, JSON.stringify(tokens));
    } else {
      tokens = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
      if (!tokens) {
        throw new Error('This tab has no tokens of its own (a SPA code is handed over once, at sign-in): sign out and in again.');
      }
    }

    show(tokens);
  }

  start().catch(error => fail(error.message));
})();
