import { describe, expect, it } from 'vitest';
import { REDACTED, scrubText, scrubValue } from './scrubSecrets.js';
import { ServiceError } from './serviceError.js';

describe('scrubSecrets', () => {
  it('removes the known key and anything shaped like a credential, keeping the rest', () => {
    const text =
      'Invalid key my-own-key-123 (Authorization: Bearer abc.def-ghi); try sk-proj-AbCdEf123456 or DeepL-Auth-Key 1234-5678:fx; api_key=zzz999';
    const out = scrubText(text, ['my-own-key-123']);
    for (const secret of ['my-own-key-123', 'abc.def-ghi', 'sk-proj-AbCdEf123456', '1234-5678:fx', 'zzz999'])
      expect(out).not.toContain(secret);
    expect(out).toContain('Invalid key');
    expect(out).toContain(REDACTED);
    expect(scrubText('Paragraph 3 failed: HTTP 500')).toBe('Paragraph 3 failed: HTTP 500');
    expect(scrubText('The token placeholder <t1> is missing in paragraph 4.')).toBe(
      'The token placeholder <t1> is missing in paragraph 4.',
    );
  });

  it("removes the bridge's token from an address (the log never holds it)", () => {
    const out = scrubText('GET http://127.0.0.1:4000/?token=75_Vmii2P2nidw5MayR9-ODzNDGh3l5Dfo9H7xwtowU&x=1 failed');
    expect(out).toBe(`GET http://127.0.0.1:4000/?token=${REDACTED}&x=1 failed`);
    expect(scrubText('see #token=abcDEF123456')).toBe(`see #token=${REDACTED}`);
    expect(scrubText('The token count is 3 tokens.')).toBe('The token count is 3 tokens.');
  });

  it('scrubs nested details and credential-named fields', () => {
    expect(scrubValue({ reply: 'Bearer sk-abcdefghijkl', nested: [{ apiKey: 'x' }], n: 3 })).toEqual({
      reply: `Bearer ${REDACTED}`,
      nested: [{ apiKey: REDACTED }],
      n: 3,
    });
  });

  it('is applied to every ServiceError that leaves main', () => {
    const err = new ServiceError('ENGINE_AUTH_FAILED', 'Refused: Authorization: Bearer sk-live-123456789', {
      reply: 'your key sk-live-123456789 is wrong',
    });
    expect(JSON.stringify(err.toApiError())).not.toContain('sk-live-123456789');
  });
});
