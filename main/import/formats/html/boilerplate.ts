/**
 * Page furniture that survives the structural clean-up as a text block of its own: ad labels
 * ("Advertisement", "Anzeige"), "Continue reading the main story", share and gallery controls,
 * "1 of 24", reading times, "Listen to this article", timestamp-only lines, photo credits.
 *
 * Conservative by construction: a block is furniture only when its WHOLE text is such a label (a
 * sentence that merely contains "share" or "advertisement" is never touched); sentence
 * punctuation and quotation marks are kept when comparing, so a one-word quote such as "Listen."
 * stays. Language-aware: the page's language and English (most CMS templates speak it) are
 * checked, or every language known here when the page does not say.
 */
import { isCreditOnly } from '../../../../shared/import/photoCredits.js';

/** Labels that are the whole text of a furniture block, per primary language subtag. */
const LABELS: Record<string, readonly string[]> = {
  en: [
    'advertisement', 'advertisements', 'advert', 'ad', 'ads', 'sponsored', 'sponsored content', 'paid content', 'paid post', 'promoted',
    'partner content', 'skip advertisement', 'skip ad', 'advertisement - scroll to continue', 'advertisement · scroll to continue',
    'continue reading the main story', 'continue reading', 'continue reading below', 'story continues below', 'story continues below advertisement',
    'article continues below', 'article continues below advertisement', 'the article continues below', 'content continues below',
    'share', 'share this', 'share this article', 'share this story', 'share this page', 'share article', 'share story', 'share full article',
    'share on facebook', 'share on twitter', 'share on x', 'share on linkedin', 'share on whatsapp', 'share via email', 'share via e-mail',
    'share by email', 'share by e-mail', 'share options', 'share or comment on this article', 'tweet', 'email', 'e-mail', 'email this',
    'email this article', 'print', 'print this', 'print this article', 'copy link', 'copy the link', 'link copied', 'save', 'save article',
    'save for later', 'saved', 'gift this article', 'gift article', 'give this article', 'listen', 'listen to this article',
    'listen to this story', 'listen to article', 'read more', 'read full article', 'read the full article', 'read the full story', 'more',
    'show more', 'load more', 'see more', 'view more', 'comments', 'comment', 'show comments', 'view comments', 'hide comments',
    'leave a comment', 'add a comment', 'post a comment', 'join the conversation', 'join the discussion', 'newsletter', 'newsletters',
    'sign up', 'sign up now', 'sign up here', 'subscribe', 'subscribe now', 'subscribe today', 'log in', 'login', 'sign in', 'register',
    'related', 'related stories', 'related articles', 'related content', 'related coverage', 'related links', 'related topics', 'more on this story',
    'more on this topic', 'more stories', 'more news', 'more articles', 'recommended', 'recommended for you', 'recommended stories',
    'you may also like', 'you might also like', 'top stories', 'trending', 'trending now', 'most read', 'most popular', 'most viewed',
    'most shared', 'most emailed', 'most watched', "editor's picks", "editors' picks", 'editors picks', 'recent comments', 'next', 'previous', 'prev', 'next image', 'previous image',
    'next slide', 'previous slide', 'close', 'close gallery', 'open gallery', 'view gallery', 'expand', 'collapse', 'enlarge', 'fullscreen',
    'full screen', 'enter full screen', 'exit full screen', 'play', 'pause', 'play video', 'watch', 'watch video', 'watch now', 'image', 'photo',
    'video', 'gallery', 'image source', 'image caption', 'media caption', 'caption', 'hide caption', 'show caption', 'toggle caption',
    'back to top', 'skip to content', 'skip to main content', 'skip to navigation', 'jump to', 'menu', 'search', 'home', 'follow', 'follow us',
    'follow us on twitter', 'follow us on facebook', 'topics', 'tags', 'loading', 'loading…', 'please wait', 'live', 'breaking', 'updated',
    'key points', 'pinned', 'show key events only', 'key events', 'purchase licensing rights', 'licensing', 'buy this photo', 'buy photo',
    'purchase photo', 'reprints', 'reuse this content', 'report an error', 'corrections', 'sign up here', 'sign up here.', 'subscribe here',
    'filed under', 'tagged', 'topics', 'posted in', 'categories',
  ],
  de: [
    'anzeige', 'werbung', 'gesponsert', 'sponsored', 'werbung überspringen', 'weiter nach der anzeige', 'lesen sie nach der anzeige weiter',
    'weiterlesen', 'weiterlesen nach der anzeige', 'mehr lesen', 'artikel weiterlesen', 'teilen', 'artikel teilen', 'beitrag teilen',
    'auf facebook teilen', 'auf x teilen', 'per e-mail teilen', 'per mail teilen', 'e-mail', 'mail', 'drucken', 'link kopieren', 'link kopiert',
    'merken', 'artikel merken', 'gespeichert', 'artikel verschenken', 'anhören', 'artikel anhören', 'vorlesen', 'artikel vorlesen',
    'kommentare', 'kommentar', 'kommentare anzeigen', 'kommentieren', 'jetzt kommentieren', 'newsletter', 'newsletter abonnieren',
    'jetzt abonnieren', 'abonnieren', 'anmelden', 'registrieren', 'mehr zum thema', 'mehr zu diesem thema', 'das könnte sie auch interessieren',
    'auch interessant', 'empfohlen', 'empfehlungen', 'meistgelesen', 'meistgelesene artikel', 'am meisten gelesen', 'weiter', 'zurück',
    'schließen', 'galerie öffnen', 'bildergalerie', 'vergrößern', 'vollbild', 'video abspielen', 'bild', 'foto', 'nach oben',
    'zum inhalt springen', 'themen', 'schlagworte', 'wird geladen', 'lädt', 'aktualisiert', 'folgen', 'folgen sie uns',
  ],
  es: [
    'publicidad', 'anuncio', 'patrocinado', 'contenido patrocinado', 'saltar publicidad', 'continúa leyendo', 'continuar leyendo',
    'sigue leyendo', 'seguir leyendo', 'leer más', 'compartir', 'comparte', 'compartir en facebook', 'compartir en twitter', 'compartir en x',
    'compartir en whatsapp', 'enviar por correo', 'enviar por email', 'correo', 'correo electrónico', 'email', 'imprimir', 'copiar enlace',
    'enlace copiado', 'guardar', 'guardado', 'regalar artículo', 'escuchar', 'escuchar artículo', 'escuchar este artículo', 'escuchar noticia',
    'comentarios', 'comentar', 'ver comentarios', 'deja un comentario', 'newsletter', 'boletín', 'suscríbete', 'suscribirse', 'regístrate',
    'iniciar sesión', 'relacionado', 'relacionados', 'noticias relacionadas', 'artículos relacionados', 'más información', 'te puede interesar',
    'lo más leído', 'lo más visto', 'más leídas', 'más vistas', 'siguiente', 'anterior', 'cerrar', 'ampliar', 'pantalla completa',
    'ver galería', 'ver vídeo', 'reproducir', 'imagen', 'foto', 'vídeo', 'volver arriba', 'ir al contenido', 'temas', 'etiquetas', 'cargando',
    'actualizado', 'en directo', 'última hora', 'archivado en', 'normas', 'más información', 'seguir', 'síguenos',
  ],
  fr: [
    'publicité', 'pub', 'sponsorisé', 'contenu sponsorisé', 'passer la publicité', 'la suite après cette publicité', 'lire la suite',
    'continuer la lecture', 'lire plus', 'partager', 'partager cet article', 'partager sur facebook', 'partager sur twitter', 'partager sur x',
    'envoyer par e-mail', 'envoyer par mail', 'e-mail', 'courriel', 'imprimer', 'copier le lien', 'lien copié', 'sauvegarder', 'enregistrer',
    'offrir cet article', 'écouter', 'écouter cet article', "écouter l'article", 'commentaires', 'commenter', 'voir les commentaires',
    'réagir', 'newsletter', "s'abonner", 'abonnez-vous', "s'inscrire", 'inscrivez-vous', 'se connecter', 'lire aussi', 'à lire aussi',
    'voir aussi', 'sur le même sujet', 'articles liés', 'les plus lus', 'les plus partagés', 'suivant', 'précédent', 'fermer', 'agrandir',
    'plein écran', 'voir la galerie', 'voir la vidéo', 'lecture', 'image', 'photo', 'vidéo', 'haut de page', 'aller au contenu', 'sujets',
    'chargement', 'mis à jour', 'en direct', 'suivre', 'suivez-nous', 'suivre ce journaliste',
  ],
  it: [
    'pubblicità', 'sponsorizzato', 'contenuto sponsorizzato', 'continua a leggere', 'leggi anche', 'leggi di più', 'condividi',
    'condividi su facebook', 'condividi su twitter', 'stampa', 'copia link', 'salva', 'ascolta', "ascolta l'articolo", 'commenti',
    'commenta', 'newsletter', 'iscriviti', 'abbonati', 'accedi', 'correlati', 'articoli correlati', 'i più letti', 'più letti', 'successivo',
    'precedente', 'chiudi', 'ingrandisci', 'schermo intero', 'immagine', 'foto', 'video', 'torna su', 'argomenti', 'caricamento', 'aggiornato',
  ],
  pt: [
    'publicidade', 'anúncio', 'patrocinado', 'conteúdo patrocinado', 'continue lendo', 'continuar lendo', 'leia mais', 'leia também',
    'compartilhar', 'partilhar', 'compartilhe', 'imprimir', 'copiar link', 'salvar', 'guardar', 'ouvir', 'ouvir matéria', 'ouça',
    'comentários', 'comentar', 'newsletter', 'assine', 'inscreva-se', 'entrar', 'relacionadas', 'notícias relacionadas', 'mais lidas',
    'mais lidos', 'próximo', 'anterior', 'fechar', 'ampliar', 'tela cheia', 'imagem', 'foto', 'vídeo', 'voltar ao topo', 'carregando',
    'atualizado',
  ],
  nl: [
    'advertentie', 'gesponsord', 'lees verder', 'lees meer', 'lees ook', 'delen', 'deel', 'deel dit artikel', 'e-mail', 'printen',
    'link kopiëren', 'bewaren', 'luister', 'beluister dit artikel', 'reacties', 'reageer', 'nieuwsbrief', 'abonneer', 'inloggen',
    'gerelateerd', 'meest gelezen', 'volgende', 'vorige', 'sluiten', 'vergroten', 'afbeelding', 'foto', 'video', 'naar boven', 'laden',
  ],
  sv: ['annons', 'dela', 'läs mer', 'läs också', 'kommentarer', 'mest läst', 'nästa', 'föregående', 'stäng'],
  da: ['annonce', 'reklame', 'del', 'læs mere', 'læs også', 'kommentarer', 'mest læste', 'næste', 'forrige', 'luk'],
  pl: ['reklama', 'udostępnij', 'czytaj więcej', 'czytaj także', 'komentarze', 'najczęściej czytane', 'następne', 'poprzednie', 'zamknij'],
};

/** Names of networks and services shown alone as share buttons, in any language. */
const NETWORKS = [
  'facebook', 'twitter', 'x', 'x (twitter)', 'whatsapp', 'linkedin', 'pinterest', 'reddit', 'telegram', 'messenger', 'flipboard', 'threads',
  'bluesky', 'mastodon', 'tumblr', 'pocket', 'xing', 'vk', 'line', 'sms', 'instagram', 'youtube', 'tiktok', 'rss', 'google news',
];

/** Patterns of whole furniture blocks, per language; `*` applies to every page. */
const PATTERNS: Record<string, readonly RegExp[]> = {
  '*': [
    // Gallery counters: "1 of 24", "3 / 12", "Image 2 of 24", "Bild 1 von 8".
    /^(?:(?:image|photo|picture|slide|foto|bild|imagen|diapositiva|diapo|immagine|afbeelding)\s+)?\d{1,4}\s*(?:of|von|de|sur|di|van|av|af|z|\/|\|)\s*\d{1,4}$/,
    // A count with a share/comment label: "Share 23", "Comments (12)", "12 comments".
    /^(?:shares?|comments?|kommentare?|comentarios?|commentaires?|commenti|reacties)\s*[(:]?\s*\d[\d.,]*\s*\)?$/,
    /^\d[\d.,]*\s*(?:shares?|comments?|kommentare?|comentarios?|commentaires?|commenti|reacties)$/,
    // Reading time: "5 min read", "Lesezeit: 3 Minuten", "Tiempo de lectura: 4 min".
    /^(?:(?:reading time|read time|lesezeit|lesedauer|tiempo de lectura|temps de lecture|tempo di lettura|tempo de leitura|leestijd)\s*:?\s*)?(?:ca\.\s*)?\d{1,3}\s*(?:min|mins|minute|minutes|minuten|minutos|minuti|minuut)\.?(?:\s*(?:read|reading|de lectura|de lecture|di lettura|de leitura|lesezeit))?$/,
    // "Listen to this article · 4 min", "Artikel anhören (3 Min.)".
    /^(?:listen(?: to (?:this|the) (?:article|story))?|artikel anhören|escuchar(?: este)? artículo|écouter cet article)\s*[·•|(-]?\s*\d{1,3}[:.]?\d{0,2}\s*(?:min|mins|minutes|minuten|minutos)?\.?\)?$/,
  ],
  en: [
    /^(?:most (?:read|popular|viewed|shared|emailed|watched|commented)|top|trending)(?: (?:in|on))?(?: [\p{L}&'’-]+){0,3} (?:stories|articles|news|videos)$/u,
    /^(?:sign up|subscribe)(?: (?:to|for))? .{0,120}\bnewsletters?\b.{0,200}$/,
    /^.{0,200}\bnewsletters?\b.{0,120}\b(?:sign up|subscribe|register)(?: (?:here|now|today|for free))?[.!]?$/,
    /^(?:we use cookies|this (?:web)?site uses cookies)\b.{0,500}\b(?:accept|agree|consent|privacy|settings)\b.{0,300}$/,
  ],
  de: [
    /^(?:newsletter abonnieren|jetzt (?:den )?newsletter abonnieren|melden sie sich (?:jetzt )?für (?:unseren|den) .{0,60}newsletter an).{0,200}$/,
    /^(?:wir verwenden cookies|diese (?:web)?seite verwendet cookies)\b.{0,500}\b(?:akzeptieren|zustimmen|einwilligung|datenschutz|einstellungen)\b.{0,300}$/,
  ],
  es: [
    /^(?:suscríbete|apúntate|regístrate)(?: (?:a|en|gratis a))? .{0,80}\b(?:newsletter|boletín)\b.{0,200}$/,
    /^(?:utilizamos cookies|usamos cookies|este sitio web utiliza cookies)\b.{0,500}\b(?:aceptar|acepta|consentimiento|privacidad|configuración)\b.{0,300}$/,
  ],
  fr: [
    /^(?:inscrivez-vous|abonnez-vous)(?: (?:à|gratuitement à))? .{0,80}\b(?:newsletter|lettre)\b.{0,200}$/,
    /^(?:nous utilisons des cookies|ce site utilise des cookies)\b.{0,500}\b(?:accepter|acceptez|consentement|confidentialité|paramètres)\b.{0,300}$/,
  ],
};

const MONTHS: Record<string, string> = {
  en: 'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec',
  de: 'januar jänner februar märz april mai juni juli august september oktober november dezember jan feb mär apr jun jul aug sep sept okt nov dez',
  es: 'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ene abr ago sept oct dic',
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre janv févr avr juil sept oct déc',
  it: 'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre gen mag giu lug ago set ott dic',
  pt: 'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro jan fev mar abr mai jun jul ago set out nov dez',
  nl: 'januari februari maart april mei juni juli augustus september oktober november december',
};
const DAYS: Record<string, string> = {
  en: 'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun',
  de: 'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so',
  es: 'lunes martes miércoles jueves viernes sábado domingo',
  fr: 'lundi mardi mercredi jeudi vendredi samedi dimanche',
  it: 'lunedì martedì mercoledì giovedì venerdì sabato domenica',
  pt: 'segunda terça quarta quinta sexta sábado domingo feira',
  nl: 'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag',
};
/** Words that may surround a date in a timestamp line; the first group also marks a line as one. */
const TIME_MARKERS: Record<string, string> = {
  en: 'updated published posted modified ago last',
  de: 'aktualisiert veröffentlicht stand vor zuletzt erstellt',
  es: 'actualizado publicado hace última actualización modificado',
  fr: 'mis jour publié modifié',
  it: 'aggiornato pubblicato fa ultimo aggiornamento',
  pt: 'atualizado publicado há atualização',
  nl: 'bijgewerkt gepubliceerd geleden',
};
const TIME_FILLERS: Record<string, string> = {
  en: 'on at am pm a.m. p.m. of the by hours hour hrs mins min minutes minute seconds days day weeks yesterday today now just et est edt pt pst pdt ct cst cdt gmt utc bst cet cest ist aest aedt',
  de: 'am um uhr den der des vom stunden stunde minuten minute tagen tag gestern heute mez mesz',
  es: 'el de del a las la en horas hora minutos minuto días día ayer hoy h hrs cet',
  fr: 'le à il y a h heures heure minutes minute jours jour hier aujourd’hui aujourd\'hui du',
  it: 'il alle ore ora minuti minuto giorni giorno ieri oggi del',
  pt: 'em às as de do horas hora minutos minuto dias dia ontem hoje',
  nl: 'op om uur minuten dagen gisteren vandaag',
};

/** Primary language subtags to check for a page in `lang` (null: unknown). */
export function languagesFor(lang: string | null): string[] {
  const primary = lang?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === '' || !(primary in LABELS)) return Object.keys(LABELS);
  return primary === 'en' ? ['en'] : [primary, 'en'];
}

const LABEL_SETS = new Map(Object.entries(LABELS).map(([lang, labels]) => [lang, new Set(labels)]));
const NETWORK_SET = new Set(NETWORKS);

/**
 * Lower case, white space collapsed, and the decoration around a label dropped (colons, arrows,
 * bullets, pipes, brackets, ellipses, icons' private-use characters); sentence punctuation and
 * quotation marks are kept.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s:|›»→←‹«•·▶►▸▾▼▲+\-–—/\\()[\]>…\p{Co}\p{So}]+/u, '')
    .replace(/[\s:|›»→←‹«•·▶►▸▾▼▲+\-–—/\\()[\]>…\p{Co}\p{So}]+$/u, '')
    .trim();
}


/** Units of a relative time ("3 hours ago", "vor 3 Stunden", "hace 3 horas", "il y a 3 heures"). */
const TIME_UNITS = new Set(
  'hours hour hrs hr minutes minute mins min seconds secs days day weeks stunden stunde minuten sekunden tagen tage horas hora minutos segundos días dias heures heure jours ore ora minuti giorni uur minuten dagen'.split(' '),
);
const CLOCK = /^\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:am|pm|h)?$/;
const DATE = /^\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?\.?$/;
const DAY_NUMBER = /^\d{1,2}(?:st|nd|rd|th|er|e|º|ª|\.)?$/;

const timeWordCache = new Map<string, { markers: Set<string>; dateWords: Set<string>; fillers: Set<string> }>();

/** The date and time words of some languages (made once per set of languages). */
function timeWords(langs: readonly string[]): { markers: Set<string>; dateWords: Set<string>; fillers: Set<string> } {
  const key = langs.join(',');
  let words = timeWordCache.get(key);
  if (!words) {
    const pick = (table: Record<string, string>) => new Set(langs.flatMap((l) => (table[l] ?? '').split(' ')));
    words = { markers: pick(TIME_MARKERS), dateWords: new Set([...pick(MONTHS), ...pick(DAYS)]), fillers: pick(TIME_FILLERS) };
    timeWordCache.set(key, words);
  }
  return words;
}

/** The words of a line that are not date or time words of the page's languages ("Le Journal | • Mis à jour le" → Journal). */
export function wordsBesideTime(text: string, langs: readonly string[]): string[] {
  const { markers, dateWords, fillers } = timeWords(langs);
  return (normalizeLabel(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !markers.has(w) && !dateWords.has(w) && !fillers.has(w) && !TIME_UNITS.has(w));
}

/**
 * True for a line that only says when: "Updated 2:09 PM ET, March 3, 2026", "3 hours ago",
 * "Stand: 12.03.2026, 14:05 Uhr". Every word must be a date or time word of the page's
 * languages, and the line must hold a year, a clock time, a numeric date, a relative time or an
 * "updated"/"published" word: "On Monday at 9 a.m." (no such anchor) stays.
 */
export function isTimestampOnly(text: string, langs: readonly string[]): boolean {
  const line = normalizeLabel(text);
  if (line.length === 0 || line.length > 100) return false;
  const { markers, dateWords, fillers } = timeWords(langs);
  let anchored = false;
  let number = false;
  let unit = false;
  for (const raw of line.split(/[\s,;|·•–—]+/)) {
    const word = raw.replace(/^[("]+|[)":]+$/g, '');
    const bare = word.replace(/\.+$/, '');
    if (bare === '') continue;
    if (markers.has(bare) || /^\d{4}$/.test(bare) || CLOCK.test(bare) || DATE.test(word) && /\d[./-]\d/.test(word)) anchored = true;
    else if (DAY_NUMBER.test(word)) number = true;
    else if (TIME_UNITS.has(bare)) unit = true;
    else if (!dateWords.has(bare) && !fillers.has(bare) && !fillers.has(word)) return false;
  }
  return anchored || (number && unit);
}

/** True when the whole block is page furniture (see the module comment). */
export function isBoilerplate(text: string, langs: readonly string[]): boolean {
  // Every label and pattern here is far shorter than a paragraph of text.
  if (text.length > 1200) return false;
  const label = normalizeLabel(text);
  if (label === '') return false;
  if (NETWORK_SET.has(label)) return true;
  for (const lang of langs) if (LABEL_SETS.get(lang)?.has(label)) return true;
  for (const lang of ['*', ...langs]) if (PATTERNS[lang]?.some((p) => p.test(label))) return true;
  if (isTimestampOnly(text, langs)) return true;
  return isCreditOnly(text);
}

/** Lead-ins of a link to another story ("Read more: <link>", "Lesen Sie auch: <link>"). */
const RELATED_LEADS: Record<string, readonly string[]> = {
  en: ['read more', 'read also', 'also read', 'related', 'see also', 'more', 'more on this', 'recommended', 'watch', 'listen', 'analysis', 'explainer', 'opinion', 'live'],
  de: ['lesen sie auch', 'lesen sie mehr', 'mehr zum thema', 'auch interessant', 'siehe auch', 'dazu', 'mehr dazu', 'hören sie auch'],
  es: ['lee también', 'lea también', 'leer más', 'te puede interesar', 'más información', 'relacionado', 'ver también', 'puedes leer'],
  fr: ['lire aussi', 'à lire aussi', 'voir aussi', 'lire la suite', 'sur le même sujet', 'à voir aussi', 'lire', 'lire également', 'voir'],
  it: ['leggi anche', 'leggi di più', 'vedi anche'],
  pt: ['leia também', 'leia mais', 'veja também', 'saiba mais'],
  nl: ['lees ook', 'lees meer', 'zie ook'],
};

/** True for the lead-in of a "Read more: <link to another story>" block (label only, colon optional). */
export function isRelatedLead(text: string, langs: readonly string[]): boolean {
  const label = normalizeLabel(text);
  return label !== '' && langs.some((l) => RELATED_LEADS[l]?.includes(label));
}
