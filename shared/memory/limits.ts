/** Limits of the translation memory. */
/** Largest TMX file accepted (bytes). */
export const TMX_MAX_BYTES = 50 * 1024 * 1024;
/** Matches shown for a paragraph, and the lowest percentage shown. */
export const TM_MAX_MATCHES = 5;
export const TM_MIN_SCORE = 50;
/** Concordance hits returned. */
export const CONCORDANCE_MAX_HITS = 50;
/** Matches kept per sentence in a sentence-level lookup (issue 17 item 3). */
export const TM_SENTENCE_MATCHES = 3;
