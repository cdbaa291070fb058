// The user's language (French first: the network in Morocco works in French; Arabic, right to left; English) and
// time zone (Africa/Casablanca by default), and everything rendered in them: labels, the API's codes, timeline
// summaries, problem documents, dates and numbers. The dictionaries are messages/<lang>.js.
import ar from './messages/ar.js';
import en from './messages/en.js';
import fr from './messages/fr.js';
import { formatDateTime as formatInstant, formatHours as formatDuration, formatNumber, formatPercent } from './format.js';

export const LANGUAGES = {
  fr: { label: 'Français', locale: 'fr-MA', dir: 'ltr', messages: fr },
  ar: { label: 'العربية', locale: 'ar-MA', dir: 'rtl', messages: ar },
  en: { label: 'English', locale: 'en-GB', dir: 'ltr', messages: en },
};
export const TIME_ZONES = ['Africa/Casablanca', 'UTC', 'Africa/Tunis', 'Africa/Algiers', 'Africa/Dakar',
  'Africa/Abidjan', 'Africa/Lagos', 'Europe/Paris', 'Europe/Madrid'];
const DEFAULT_ZONE = 'Africa/Casablanca';

let current = pick(localStorage.getItem('lang'), LANGUAGES, 'fr');
let zone = pick(localStorage.getItem('tz'), Object.fromEntries(TIME_ZONES.map((z) => [z, z])), DEFAULT_ZONE);

function pick(value, allowed, fallback) {
  return value && allowed[value] ? value : fallback;
}

export function language() {
  return current;
}

export function locale() {
  return LANGUAGES[current].locale;
}

export function isRtl() {
  return LANGUAGES[current].dir === 'rtl';
}

export function setLanguage(lang) {
  current = pick(lang, LANGUAGES, 'fr');
  localStorage.setItem('lang', current);
  document.documentElement.lang = current;
  document.documentElement.dir = LANGUAGES[current].dir;
}

export function timeZone() {
  return zone;
}

export function setTimeZone(value) {
  zone = TIME_ZONES.includes(value) ? value : DEFAULT_ZONE;
  localStorage.setItem('tz', zone);
}

/** The message for a key in the current language, with {placeholders} filled; English, then the key, if missing. */
export function t(key, values = {}) {
  const text = LANGUAGES[current].messages[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Whether a key has a message (in English, the reference dictionary). */
export function has(key) {
  return en[key] !== undefined;
}

/** An API code (a status, a category, …) in words: code('ReferralStatus', 'DECLINED'). */
export function code(kind, value) {
  if (value === null || value === undefined || value === '') return '–';
  const key = `code.${kind}.${value}`;
  return has(key) ? t(key) : String(value);
}

/** Values as the API names them: one named after an enumeration (capitalised, e.g. Urgency) is a code, in words. */
export function coded(values = {}) {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, /^[A-Z]/.test(name) ? code(name, value) : value]));
}

/** An instant in the user's language and time zone. */
export function dateTime(iso) {
  return formatInstant(iso, locale(), zone);
}

/** A duration in hours, as hours or (from two days on) days, with the user's decimal separator. */
export function hours(value) {
  return formatDuration(value, { hours: t('common.hours'), days: t('common.days') }, locale());
}

export function number(value, digits = 1) {
  return formatNumber(value, locale(), digits);
}

export function percent(rate) {
  return formatPercent(rate, locale());
}

/** A duration in days (one decimal), a dash when unknown. */
export function days(value) {
  return value === null || value === undefined ? '–' : `${number(Math.round(value * 10) / 10)} ${t('common.days')}`;
}

/** A problem document as the user's sentence, and its field errors with the fields named in the user's language. */
export function problem(doc, status) {
  if (!doc) return t('problem.unknown', { status: status ?? '' });
  const name = doc.rule ? `rule.${doc.rule}` : `problem.${doc.code}`;
  const sentence = has(name) ? t(name, { currentStatus: code('ReferralStatus', doc.currentStatus) })
    : t('problem.unknown', { status: doc.status ?? status ?? '' });
  const fields = (doc.errors || []).map((e) => t('problem.field', {
    field: has(`field.${e.field}`) ? t(`field.${e.field}`) : e.field, message: t('problem.fieldInvalid'),
  }));
  return [sentence, ...fields].join(' — ');
}

/**
 * A timeline entry's summary in the user's language, from its code and values: values named after an enumeration
 * are codes, dates are formatted, partner ids become names where known.
 */
export function summary(entry, partnerNames = {}) {
  const args = coded(entry.summaryArgs);
  for (const [name, value] of Object.entries(args)) {
    if (name === 'respondBy' || name === 'until') args[name] = dateTime(value);
    else if (partnerNames[value]) args[name] = partnerNames[value];
  }
  const key = `summary.${entry.summaryCode}`;
  if (!entry.summaryCode || !has(key)) return entry.summary || '';
  const parts = [t(key, { ...args, type: entry.type })];
  if (entry.summaryCode === 'requested') {
    if (args.redirectedFrom) parts.push(t('summary.part.redirectedFrom'));
    if (args.LegalBasis) parts.push(t('summary.part.legalBasis', args));
    if (args.override) parts.push(t('summary.part.override'));
  }
  if (entry.summaryCode === 'consentRecorded' && args.until) parts.push(t('summary.part.until', args));
  return parts.join(t('summary.separator'));
}

/** Fills every element with data-i18n in a subtree. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
}
