/**
 * The notice a draft export carries, in the document's target language. Who reads it decides the
 * language: a draft file holds the translation, so it is read by people who read the target
 * language (the desk that checks or publishes that edition, an outside reviewer), not by whoever
 * pressed Export, and the CLI has no interface language at all; if a draft leaks, its readers see
 * the warning in their own language. A target language without a notice here gets the English one
 * (marked with its own `lang`), unlike the footer: a draft must always be possible.
 * The counts use a "label: n of m" form, so no language needs plural forms.
 */
import { languageFallbacks } from '../languages.js';

interface DraftWording {
  /** `{signed}` and `{total}` are replaced by numbers. */
  notice: string;
  /** Put before the title (HTML `<title>`, DOCX document title). */
  title: string;
}

export const DRAFT_NOTICES: Readonly<Record<string, DraftWording>> = {
  en: { notice: 'DRAFT — not approved for publication ({signed} of {total} paragraphs signed off)', title: 'DRAFT' },
  de: { notice: 'ENTWURF — nicht zur Veröffentlichung freigegeben (freigegebene Absätze: {signed} von {total})', title: 'ENTWURF' },
  fr: { notice: 'BROUILLON — non approuvé pour publication (paragraphes validés\u00a0: {signed} sur {total})', title: 'BROUILLON' },
  es: { notice: 'BORRADOR — no aprobado para su publicación (párrafos aprobados: {signed} de {total})', title: 'BORRADOR' },
  it: { notice: 'BOZZA — non approvata per la pubblicazione (paragrafi approvati: {signed} su {total})', title: 'BOZZA' },
  nl: { notice: "CONCEPT — niet goedgekeurd voor publicatie (goedgekeurde alinea's: {signed} van {total})", title: 'CONCEPT' },
  pt: { notice: 'RASCUNHO — não aprovado para publicação (parágrafos aprovados: {signed} de {total})', title: 'RASCUNHO' },
  pl: { notice: 'WERSJA ROBOCZA — niezatwierdzona do publikacji (zatwierdzone akapity: {signed} z {total})', title: 'WERSJA ROBOCZA' },
  sv: { notice: 'UTKAST — inte godkänt för publicering (godkända stycken: {signed} av {total})', title: 'UTKAST' },
  da: { notice: 'KLADDE — ikke godkendt til offentliggørelse (godkendte afsnit: {signed} af {total})', title: 'KLADDE' },
  ca: { notice: 'ESBORRANY — no aprovat per a la publicació (paràgrafs aprovats: {signed} de {total})', title: 'ESBORRANY' },
  'zh-Hans': { notice: '草稿 — 未批准发布（已审定段落：{signed}/{total}）', title: '草稿' },
  ja: { notice: '下書き — 公開は未承認（承認済みの段落：{total} 件中 {signed} 件）', title: '下書き' },
  ar: { notice: 'مسودة — غير معتمدة للنشر (الفقرات المعتمدة: {signed} من {total})', title: 'مسودة' },
};

export interface DraftNotice {
  /** The language the notice is written in (the target language, or `en` when it has none). */
  lang: string;
  text: string;
  titlePrefix: string;
}

export function draftNoticeFor(targetLang: string, signed: number, total: number): DraftNotice {
  const lang = languageFallbacks(targetLang).find((tag) => DRAFT_NOTICES[tag] !== undefined) ?? 'en';
  const wording = DRAFT_NOTICES[lang]!;
  return {
    lang,
    text: wording.notice.replace('{signed}', String(signed)).replace('{total}', String(total)),
    titlePrefix: wording.title,
  };
}
