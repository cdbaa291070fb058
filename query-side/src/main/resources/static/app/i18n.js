// French first (the network in Morocco works in French), English second. Keys are grouped by view.
const messages = {
  fr: {
    'app.title': 'Réseau de référencement', 'app.language': 'Langue', 'app.signout': 'Se déconnecter',
    'nav.network': 'Carte du réseau', 'nav.caseloads': 'Charges de travail', 'nav.inbox': 'Référencements',
    'nav.escalations': 'Escalades', 'nav.timeline': 'Historique', 'nav.projections': 'Projections',
    'projections.name': 'Projection', 'projections.position': 'Position', 'projections.lag': 'Retard (événements)',
    'projections.rebuilding': 'Reconstruction',
    'signin.title': 'Connexion', 'signin.key': 'Clé API ou jeton OIDC', 'signin.submit': 'Se connecter',
    'signin.help': 'La clé reste dans cet onglet seulement et disparaît à sa fermeture.',
    'signin.refused': 'Clé ou jeton refusé.',
    'common.loading': 'Chargement…', 'common.all': 'Tous', 'common.none': 'aucun', 'common.error': 'Erreur',
    'common.apply': 'Appliquer', 'common.back': 'Retour', 'common.hours': 'h', 'common.days': 'j',
    'network.region': 'Région', 'network.category': 'Catégorie', 'network.from': 'Du', 'network.to': 'Au',
    'network.summary': '{nodes} partenaires, {flows} flux, {agreements} accords',
    'network.largest': 'Le graphe montre les {shown} flux les plus importants et tous les accords.',
    'network.legend': 'Taille : dossiers actifs. Bordure rouge : capacité atteinte. Flèches : référencements (épaisseur : nombre, couleur : taux d\u2019acceptation). Pointillés : accords de partenariat.',
    'network.card': 'Charge de {name}', 'network.pick': 'Cliquez sur un partenaire pour voir sa charge de travail.',
    'caseloads.partner': 'Partenaire', 'caseloads.active': 'Actifs', 'caseloads.capacity': 'Capacité',
    'caseloads.utilisation': 'Utilisation', 'caseloads.overdue': 'En retard', 'caseloads.acceptance': 'Acceptation',
    'caseloads.respond': 'Réponse (médiane)', 'caseloads.deliver': 'Prestation (médiane)',
    'caseloads.statusMix': 'Statuts des référencements reçus', 'caseloads.utilisationChart': 'Utilisation de la capacité',
    'caseloads.timesChart': 'Délais médians (heures / jours)',
    'inbox.direction': 'Sens', 'inbox.inbound': 'Reçus', 'inbox.outbound': 'Envoyés', 'inbox.status': 'Statut',
    'inbox.partner': 'Partenaire', 'inbox.empty': 'Aucun référencement.', 'inbox.category': 'Catégorie',
    'inbox.urgency': 'Urgence', 'inbox.respondBy': 'Réponse attendue', 'inbox.updated': 'Mis à jour',
    'inbox.from': 'De', 'inbox.to': 'Vers', 'inbox.total': '{total} référencements',
    'referral.title': 'Référencement', 'referral.case': 'Dossier', 'referral.person': 'Personne',
    'referral.personHidden': 'Données personnelles non visibles pour ce rôle.', 'referral.erased': 'Données personnelles effacées.',
    'referral.declined': 'Motif du refus', 'referral.redirectedTo': 'Réorienté vers', 'referral.redirectedFrom': 'Réorienté depuis',
    'referral.timeline': 'Voir l\u2019historique', 'referral.caseTimeline': 'Historique du dossier', 'referral.note': 'Note', 'referral.reasonCode': 'Motif',
    'referral.outcome': 'Résultat', 'referral.closureReason': 'Motif de clôture', 'referral.send': 'Envoyer',
    'referral.done': 'Enregistré : {status}',
    'action.accept': 'Accepter', 'action.decline': 'Refuser', 'action.hold': 'Mettre en attente', 'action.resume': 'Reprendre',
    'action.start': 'Démarrer', 'action.deliver': 'Prestation fournie', 'action.fail': 'Échec', 'action.cancel': 'Annuler',
    'action.close': 'Clôturer', 'action.notes': 'Ajouter une note',
    'timeline.title': 'Historique', 'timeline.at': 'Quand', 'timeline.event': 'Événement', 'timeline.actor': 'Acteur',
    'timeline.partner': 'Partenaire', 'timeline.summary': 'Résumé', 'timeline.verified': 'Chaîne d\u2019audit vérifiée',
    'timeline.broken': 'Chaîne d\u2019audit rompue', 'timeline.pending': 'Vérification en cours',
    'timeline.csv': 'Exporter en CSV', 'timeline.print': 'Version imprimable', 'timeline.lookup': 'Identifiant du référencement',
    'timeline.open': 'Ouvrir', 'timeline.chain': 'Chaîne complète : {checked} événements vérifiés',
    'escalations.title': 'Escalades', 'escalations.reasons': 'Motifs', 'escalations.waited': 'Attente',
    'escalations.since': 'Depuis', 'escalations.redirect': 'Réorienter', 'escalations.suggest': 'Partenaires suggérés',
    'escalations.empty': 'Rien à traiter.', 'escalations.score': 'Score', 'escalations.choose': 'Choisir',
    'live.changed': 'Référencement mis à jour',
  },
  en: {
    'app.title': 'Referral network', 'app.language': 'Language', 'app.signout': 'Sign out',
    'nav.network': 'Network map', 'nav.caseloads': 'Caseloads', 'nav.inbox': 'Referrals',
    'nav.escalations': 'Escalations', 'nav.timeline': 'Timeline', 'nav.projections': 'Projections',
    'projections.name': 'Projection', 'projections.position': 'Position', 'projections.lag': 'Lag (events)',
    'projections.rebuilding': 'Rebuild',
    'signin.title': 'Sign in', 'signin.key': 'API key or OIDC token', 'signin.submit': 'Sign in',
    'signin.help': 'The key stays in this tab only and is gone when it closes.',
    'signin.refused': 'Key or token refused.',
    'common.loading': 'Loading…', 'common.all': 'All', 'common.none': 'none', 'common.error': 'Error',
    'common.apply': 'Apply', 'common.back': 'Back', 'common.hours': 'h', 'common.days': 'd',
    'network.region': 'Region', 'network.category': 'Category', 'network.from': 'From', 'network.to': 'To',
    'network.summary': '{nodes} partners, {flows} flows, {agreements} agreements',
    'network.largest': 'The graph shows the {shown} largest flows and every agreement.',
    'network.legend': 'Size: active cases. Red border: at capacity. Arrows: referrals (width: count, colour: acceptance rate). Dashed: partnership agreements.',
    'network.card': 'Caseload of {name}', 'network.pick': 'Click a partner to see its caseload.',
    'caseloads.partner': 'Partner', 'caseloads.active': 'Active', 'caseloads.capacity': 'Capacity',
    'caseloads.utilisation': 'Utilisation', 'caseloads.overdue': 'Overdue', 'caseloads.acceptance': 'Acceptance',
    'caseloads.respond': 'Response (median)', 'caseloads.deliver': 'Delivery (median)',
    'caseloads.statusMix': 'Status of received referrals', 'caseloads.utilisationChart': 'Capacity utilisation',
    'caseloads.timesChart': 'Median times (hours / days)',
    'inbox.direction': 'Direction', 'inbox.inbound': 'Received', 'inbox.outbound': 'Sent', 'inbox.status': 'Status',
    'inbox.partner': 'Partner', 'inbox.empty': 'No referrals.', 'inbox.category': 'Category',
    'inbox.urgency': 'Urgency', 'inbox.respondBy': 'Answer due', 'inbox.updated': 'Updated',
    'inbox.from': 'From', 'inbox.to': 'To', 'inbox.total': '{total} referrals',
    'referral.title': 'Referral', 'referral.case': 'Case', 'referral.person': 'Person',
    'referral.personHidden': 'Personal data is not visible to this role.', 'referral.erased': 'Personal data erased.',
    'referral.declined': 'Decline reason', 'referral.redirectedTo': 'Redirected to', 'referral.redirectedFrom': 'Redirected from',
    'referral.timeline': 'See the timeline', 'referral.caseTimeline': 'Timeline of the case', 'referral.note': 'Note', 'referral.reasonCode': 'Reason',
    'referral.outcome': 'Outcome', 'referral.closureReason': 'Closure reason', 'referral.send': 'Send',
    'referral.done': 'Saved: {status}',
    'action.accept': 'Accept', 'action.decline': 'Decline', 'action.hold': 'Put on hold', 'action.resume': 'Resume',
    'action.start': 'Start', 'action.deliver': 'Delivered', 'action.fail': 'Failed', 'action.cancel': 'Cancel',
    'action.close': 'Close', 'action.notes': 'Add a note',
    'timeline.title': 'Timeline', 'timeline.at': 'When', 'timeline.event': 'Event', 'timeline.actor': 'Actor',
    'timeline.partner': 'Partner', 'timeline.summary': 'Summary', 'timeline.verified': 'Audit chain verified',
    'timeline.broken': 'Audit chain broken', 'timeline.pending': 'Verification pending',
    'timeline.csv': 'Export to CSV', 'timeline.print': 'Printable page', 'timeline.lookup': 'Referral id',
    'timeline.open': 'Open', 'timeline.chain': 'Whole chain: {checked} events verified',
    'escalations.title': 'Escalations', 'escalations.reasons': 'Reasons', 'escalations.waited': 'Waited',
    'escalations.since': 'Since', 'escalations.redirect': 'Redirect', 'escalations.suggest': 'Suggested partners',
    'escalations.empty': 'Nothing to handle.', 'escalations.score': 'Score', 'escalations.choose': 'Choose',
    'live.changed': 'Referral updated',
  },
};

let current = sessionStorage.getItem('lang') || localStorage.getItem('lang') || 'fr';

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = messages[lang] ? lang : 'fr';
  localStorage.setItem('lang', current);
  document.documentElement.lang = current;
}

/** The message for a key in the current language, with {placeholders} filled. */
export function t(key, values = {}) {
  const text = messages[current][key] ?? messages.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? ''));
}

/** Fills every element with data-i18n in a subtree. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
}
