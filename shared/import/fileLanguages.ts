/**
 * The languages an XLIFF file declares, checked against the ones chosen for the document (issue 14):
 * a mismatch is refused (`IMPORT_LANGUAGE_MISMATCH`, the import screen asks), never relabelled.
 * Tags agree when their language is the same and neither the script nor the region contradicts
 * (`en-US` agrees with `en`; `pt-PT` and `pt-BR` do not; `zh-CN` agrees with `zh-Hans`).
 */

interface TagParts {
  language: string;
  script: string | null;
  region: string | null;
}

function parts(tag: string): TagParts {
  const [language = '', ...rest] = tag.trim().toLowerCase().split(/[-_]/);
  const script = rest.find((s) => /^[a-z]{4}$/.test(s)) ?? null;
  const region = rest.find((s) => /^([a-z]{2}|\d{3})$/.test(s)) ?? null;
  return { language, script, region };
}

export function languagesAgree(declared: string, chosen: string): boolean {
  const a = parts(declared);
  const b = parts(chosen);
  if (a.language !== b.language) return false;
  if (a.script && b.script && a.script !== b.script) return false;
  return !(a.region && b.region && a.region !== b.region);
}

export interface LanguageMismatch {
  fileSourceLang: string;
  fileTargetLang: string;
  sourceLang: string;
  targetLang: string;
}

/** What differs, or null: a side the file does not declare is taken as chosen. */
export function fileLanguageMismatch(
  file: { sourceLang: string | null; targetLang: string | null },
  chosen: { sourceLang: string; targetLang: string },
): LanguageMismatch | null {
  const src = file.sourceLang?.trim() || null;
  const trg = file.targetLang?.trim() || null;
  const agree = (!src || languagesAgree(src, chosen.sourceLang)) && (!trg || languagesAgree(trg, chosen.targetLang));
  if (agree) return null;
  return {
    fileSourceLang: (src ?? chosen.sourceLang).slice(0, 40),
    fileTargetLang: (trg ?? chosen.targetLang).slice(0, 40),
    sourceLang: chosen.sourceLang,
    targetLang: chosen.targetLang,
  };
}
