// The HTTP API with the signed-in credential. The credential lives in sessionStorage: this tab only.
import { parseSse } from './format.js';

const KEY = 'referrals.credential';

export function credential() {
  return sessionStorage.getItem(KEY);
}

export function signIn(value) {
  sessionStorage.setItem(KEY, value.trim());
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

function headers(extra = {}) {
  const value = credential() || '';
  // a JWT has three dot-separated base64url parts; an API key does not look like that
  const auth = /^[\w-]+\.[\w-]+\.[\w-]+$/.test(value) && value.startsWith('ey')
    ? { Authorization: `Bearer ${value}` } : { 'X-API-Key': value };
  return { Accept: 'application/json', ...auth, ...extra };
}

/** {ok, status, body}: body is the JSON answer, or the problem document of a refusal. */
export async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { detail: text }; }
  return { ok: response.ok, status: response.status, body: parsed };
}

export const get = (path) => call('GET', path);
export const post = (path, body = {}) => call('POST', path, body);

/** Reads /api/stream (EventSource cannot send the credential header) and calls back for each event. */
export async function stream(onEvent, signal) {
  const response = await fetch('/api/stream', { headers: headers({ Accept: 'text/event-stream' }), signal });
  if (!response.ok || !response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const { events, rest } = parseSse(buffer);
    buffer = rest;
    events.forEach(onEvent);
  }
}
