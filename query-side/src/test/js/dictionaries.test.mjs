// Nothing the dashboard shows is left untranslated: the three dictionaries have the same keys and placeholders,
// every key the code asks for exists, and every code the server can answer (the API's enumerations, problem codes,
// business rules, timeline summaries and event types, read from the Java sources) has a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ar from '../../main/resources/static/app/messages/ar.js';
import en from '../../main/resources/static/app/messages/en.js';
import fr from '../../main/resources/static/app/messages/fr.js';

const ROOT = new URL('../../../../', import.meta.url).pathname;

function files(dir, suffix) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, suffix) : (name.endsWith(suffix) ? [path] : []);
  });
}

const javaMain = ['shared-api', 'command-side', 'query-side', 'infra']
  .flatMap((module) => files(join(ROOT, module, 'src/main/java'), '.java'))
  .map((path) => ({ path, text: readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '') }));

function placeholders(text) {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
}

function missing(keys) {
  return keys.filter((key) => en[key] === undefined);
}

test('the three dictionaries have the same keys, none empty, with the same placeholders', () => {
  for (const [name, dictionary] of Object.entries({ fr, ar })) {
    assert.deepEqual(Object.keys(dictionary).sort(), Object.keys(en).sort(), `${name} and en differ`);
    for (const [key, text] of Object.entries(dictionary)) {
      assert.ok(text.trim(), `${name} ${key} is empty`);
      assert.equal(placeholders(text), placeholders(en[key]), `${name} ${key}: placeholders`);
    }
  }
});

test('every key the dashboard asks for exists', () => {
  const used = files(join(ROOT, 'query-side/src/main/resources/static/app'), '.js')
    .flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/\bt\('([\w.\-/]+)'/g)].map((m) => m[1]));
  assert.ok(used.length > 100, 'the scan finds the keys');
  assert.deepEqual(missing([...new Set(used)]), []);
});

test('every code of every enumeration of the API has a message', () => {
  const keys = [];
  for (const { text } of javaMain.filter((f) => f.path.includes('shared-api'))) {
    for (const [, name, declared] of text.matchAll(/enum (\w+) \{([^;}]*)/g)) {
      let body = declared;
      while (/\([^()]*\)/.test(body)) body = body.replace(/\([^()]*\)/g, ''); // a constant's arguments
      body.split(',').map((c) => c.trim()).filter((c) => /^[A-Z][A-Z_]*$/.test(c)).forEach((c) => keys.push(`code.${name}.${c}`));
    }
  }
  assert.ok(keys.length > 80, 'the scan finds the enumerations');
  assert.deepEqual(missing(keys), []);
});

test('every problem code, business rule, timeline summary and event type has a message', () => {
  const all = javaMain.map((f) => f.text).join('\n');
  const problems = [...all.matchAll(/HttpStatus\.[A-Z_]+,\s*"([a-z][a-z-]*)"/g)].map((m) => `problem.${m[1]}`);
  const rules = readFileSync(join(ROOT, 'command-side/src/main/java/org/referrals/command/common/BusinessRule.java'), 'utf8')
    .match(/enum BusinessRule \{([^;}]*)/)[1].split(',').map((c) => c.trim()).filter(Boolean).map((c) => `rule.${c}`);
  const summaries = javaMain.find((f) => f.path.endsWith('TimelineSummaries.java')).text;
  const codes = [...summaries.matchAll(/Summary\.of\("(\w+)"/g)].map((m) => `summary.${m[1]}`);
  const events = [...summaries.matchAll(/instanceof (\w+)/g)].map((m) => `event.${m[1]}`);
  assert.ok(problems.length > 15 && rules.length > 20 && codes.length > 20 && events.length > 18, 'the scans find the codes');
  assert.deepEqual(missing([...new Set([...problems, ...rules, ...codes, ...events])]), []);
});

test('every criterion of a suggestion\'s score has a message', () => {
  const ranking = javaMain.find((f) => f.path.endsWith('PartnerRanking.java')).text;
  const codes = [...ranking.matchAll(/"([a-z][A-Za-z]*[A-Z][A-Za-z]*|speaks)"/g)].map((m) => `suggestion.${m[1]}`)
    .concat(['most', 'some', 'few'].map((share) => `suggestion.accepts_${share}`));
  assert.ok(codes.length > 15, 'the scan finds the criteria');
  assert.deepEqual(missing([...new Set(codes)]), []);
});

test('every indicator and answer of every assessment instrument has a message', () => {
  const instruments = javaMain.find((f) => f.path.endsWith('Instruments.java')).text;
  const indicators = [...instruments.matchAll(/new Indicator\("(\w+)"/g)].map((m) => `indicator.${m[1]}`);
  const options = [...instruments.matchAll(/"([A-Z][A-Z_]+)"/g)].map((m) => `option.${m[1]}`);
  assert.ok(indicators.length >= 15 && options.length > 20, 'the scan finds the instrument');
  assert.deepEqual(missing([...new Set([...indicators, ...options])]), []);
});
