/**
 * Loopback HTTP servers (127.0.0.1, a free port) that speak the documented request and reply shapes
 * of LibreTranslate, DeepL API v2, OpenAI-compatible chat completions and apertium-apy, for tests. Each records
 * its requests and can be told to answer the next requests differently (an error status with
 * headers, a slow reply, malformed JSON).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  bytes: number;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as is (a string) or as JSON. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface LoopbackServer {
  url: string;
  requests: RecordedRequest[];
  /** Replies used (in order) for the next requests, before the normal handler. */
  script: ScriptedReply[];
  /** Most requests in flight at once so far. */
  maxInFlight: number;
  close(): Promise<void>;
}

type Handler = (req: RecordedRequest) => ScriptedReply;

async function startServer(handler: Handler, options: { match?: (req: RecordedRequest) => boolean } = {}): Promise<LoopbackServer> {
  const state = { requests: [] as RecordedRequest[], script: [] as ScriptedReply[], inFlight: 0, maxInFlight: 0 };
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      let body: unknown = raw.toString('utf8');
      if ((req.headers['content-type'] ?? '').includes('json') && raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          body = raw.toString('utf8');
        }
      }
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, bytes: raw.length };
      state.requests.push(recorded);
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      const scripted = (options.match?.(recorded) ?? true) ? state.script.shift() : undefined;
      const reply = scripted ?? handler(recorded);
      const send = (): void => {
        state.inFlight--;
        if (res.destroyed) return;
        const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers });
        res.end(text);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: state.requests,
    script: state.script,
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A deterministic "translation" the tests can recognise. */
export function fakeTranslate(text: string, target: string): string {
  return `[${target}] ${text}`;
}

/** LibreTranslate: GET /languages, POST /translate ({ q: string[] | string, source, target, format, api_key? }). */
export function startLibreTranslate(options: { apiKey?: string } = {}): Promise<LoopbackServer> {
  const languages = [
    { code: 'en', name: 'English', targets: ['es', 'de', 'pb'] },
    { code: 'es', name: 'Spanish', targets: ['en'] },
    { code: 'de', name: 'German', targets: ['en'] },
    { code: 'pb', name: 'Portuguese (Brazil)', targets: ['en'] },
  ];
  return startServer((req) => {
    if (req.method === 'GET' && req.path === '/languages') return { body: languages };
    if (req.method === 'POST' && req.path === '/translate') {
      const b = req.body as { q?: unknown; source?: unknown; target?: unknown; api_key?: unknown };
      if (options.apiKey !== undefined && b.api_key !== options.apiKey) return { status: 403, body: { error: 'Invalid API key' } };
      const source = languages.find((l) => l.code === b.source);
      if (!source || typeof b.target !== 'string' || !source.targets.includes(b.target))
        return { status: 400, body: { error: `${String(b.source)} → ${String(b.target)} is not supported` } };
      if (Array.isArray(b.q)) return { body: { translatedText: b.q.map((t) => fakeTranslate(String(t), String(b.target))) } };
      if (typeof b.q === 'string') return { body: { translatedText: fakeTranslate(b.q, b.target) } };
      return { status: 400, body: { error: 'Invalid request: missing q parameter' } };
    }
    return { status: 404, body: { error: 'Not Found' } };
  });
}

/** DeepL API v2: /v2/languages?type=source|target, /v2/translate; checks the key header and the limits. */
/** A glossary held by the DeepL fake. */
export interface FakeDeeplGlossary {
  glossary_id: string;
  name: string;
  source_lang: string;
  target_lang: string;
  entries: string;
}

/**
 * DeepL API v2: /v2/languages?type=source|target, /v2/translate, /v2/glossaries (GET, POST with
 * TSV entries, DELETE); checks the key header and the limits. A translation with a glossary puts
 * the glossary's target terms in for its source terms; glossaries exist for the pairs in
 * `glossaryPairs` (default en→es, en→de).
 */
export function startDeepl(options: {
  key: string;
  glossaryPairs?: string[];
}): Promise<LoopbackServer & { glossaries: FakeDeeplGlossary[] }> {
  const glossaries: FakeDeeplGlossary[] = [];
  const glossaryPairs = options.glossaryPairs ?? ['en>es', 'en>de'];
  let nextId = 1;
  return startDeeplServer(options.key, glossaries, glossaryPairs, () => `gl-${nextId++}`).then((s) => Object.assign(s, { glossaries }));
}

function startDeeplServer(
  key: string,
  glossaries: FakeDeeplGlossary[],
  glossaryPairs: string[],
  newId: () => string,
): Promise<LoopbackServer> {
  const options = { key };
  const sources = ['EN', 'DE', 'ES', 'PT'].map((language) => ({ language, name: language }));
  const targets = [
    { language: 'EN-GB', name: 'English (British)', supports_formality: false },
    { language: 'EN-US', name: 'English (American)', supports_formality: false },
    { language: 'DE', name: 'German', supports_formality: true },
    { language: 'ES', name: 'Spanish', supports_formality: true },
    { language: 'PT-BR', name: 'Portuguese (Brazilian)', supports_formality: true },
  ];
  return startServer((req) => {
    if (req.headers['authorization'] !== `DeepL-Auth-Key ${options.key}`)
      return { status: 403, body: { message: 'Wrong endpoint or authorization' } };
    if (req.method === 'GET' && req.path.startsWith('/v2/languages')) {
      return { body: req.path.includes('type=target') ? targets : sources };
    }
    if (req.method === 'POST' && req.path === '/v2/translate') {
      if (req.bytes > 128 * 1024) return { status: 413, body: { message: 'Request Entity Too Large' } };
      const b = req.body as { text?: unknown; target_lang?: unknown; formality?: unknown };
      if (!Array.isArray(b.text) || b.text.length > 50) return { status: 400, body: { message: 'Too many texts or no text' } };
      const target = targets.find((t) => t.language === b.target_lang);
      if (!target) return { status: 400, body: { message: "Value for 'target_lang' not supported." } };
      if ((b.formality === 'more' || b.formality === 'less') && !target.supports_formality) {
        return { status: 400, body: { message: "'formality' is not supported for given 'target_lang'." } };
      }
      const glossary =
        typeof (b as { glossary_id?: unknown }).glossary_id === 'string'
          ? glossaries.find((g) => g.glossary_id === (b as { glossary_id: string }).glossary_id)
          : undefined;
      const withTerms = (t: string) =>
        (glossary?.entries.split('\n') ?? []).reduce((text, line) => {
          const [from, to] = line.split('\t');
          return from && to ? text.split(from).join(to) : text;
        }, t);
      return {
        body: {
          translations: b.text.map((t) => ({
            detected_source_language: 'EN',
            text: fakeTranslate(withTerms(String(t)), String(b.target_lang)),
          })),
        },
      };
    }
    if (req.method === 'GET' && req.path === '/v2/glossaries') {
      return {
        body: { glossaries: glossaries.map(({ entries, ...g }) => ({ ...g, ready: true, entry_count: entries.split('\n').length })) },
      };
    }
    if (req.method === 'POST' && req.path === '/v2/glossaries') {
      const g = req.body as { name?: unknown; source_lang?: unknown; target_lang?: unknown; entries?: unknown; entries_format?: unknown };
      if (typeof g.name !== 'string' || typeof g.entries !== 'string' || g.entries_format !== 'tsv')
        return { status: 400, body: { message: 'Bad glossary request' } };
      if (!glossaryPairs.includes(`${String(g.source_lang)}>${String(g.target_lang)}`))
        return { status: 400, body: { message: 'Unsupported glossary language pair' } };
      const made = {
        glossary_id: newId(),
        name: g.name,
        source_lang: String(g.source_lang),
        target_lang: String(g.target_lang),
        entries: g.entries,
      };
      glossaries.push(made);
      return {
        status: 201,
        body: {
          glossary_id: made.glossary_id,
          name: made.name,
          ready: true,
          source_lang: made.source_lang,
          target_lang: made.target_lang,
          entry_count: 1,
        },
      };
    }
    if (req.method === 'DELETE' && req.path.startsWith('/v2/glossaries/')) {
      const at = glossaries.findIndex((g) => g.glossary_id === decodeURIComponent(req.path.slice('/v2/glossaries/'.length)));
      if (at < 0) return { status: 404, body: { message: 'Not found' } };
      glossaries.splice(at, 1);
      return { status: 204, body: '' };
    }
    return { status: 404, body: { message: 'Not found' } };
  });
}

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
}

/** OpenAI-compatible: GET /v1/models, POST /v1/chat/completions; `reply` writes the assistant's message. */
export function startOpenAiCompatible(options: { key?: string; reply: (body: ChatRequestBody) => string }): Promise<LoopbackServer> {
  return startServer((req) => {
    if (options.key !== undefined && req.headers['authorization'] !== `Bearer ${options.key}`) {
      return { status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } } };
    }
    if (req.method === 'GET' && req.path === '/v1/models')
      return { body: { object: 'list', data: [{ id: 'test-model', object: 'model' }] } };
    if (req.method === 'POST' && req.path === '/v1/chat/completions') {
      const body = req.body as ChatRequestBody;
      return {
        body: {
          id: 'chatcmpl-1',
          object: 'chat.completion',
          model: body.model,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: options.reply(body) } }],
        },
      };
    }
    return { status: 404, body: { error: { message: 'Not found' } } };
  });
}

/** The paragraph a chat request asks to translate (the prompt's last part). */
export function paragraphOf(body: ChatRequestBody): string {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  return user.split('Paragraph to translate:\n').at(-1) ?? '';
}

/**
 * apertium-apy: GET /listPairs, POST /translate (form: q, langpair, markUnknown). Replies wrap the
 * data as apy does; a word in `unknown` comes back marked with `*`, as apy marks unknown words.
 */
export function startApertiumApy(options: { unknown?: string[] } = {}): Promise<LoopbackServer> {
  const pairs = [
    { sourceLanguage: 'eng', targetLanguage: 'spa' },
    { sourceLanguage: 'spa', targetLanguage: 'eng' },
    { sourceLanguage: 'cat', targetLanguage: 'spa' },
    { sourceLanguage: 'xxx', targetLanguage: 'spa' },
  ];
  const envelope = (responseData: unknown, responseStatus = 200, responseDetails: string | null = null) => ({
    responseData,
    responseDetails,
    responseStatus,
  });
  return startServer((req) => {
    if (req.method === 'GET' && req.path === '/listPairs') return { body: envelope(pairs) };
    if (req.method === 'POST' && req.path === '/translate') {
      const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
      const q = form.get('q');
      const langpair = form.get('langpair') ?? '';
      if (!pairs.some((p) => `${p.sourceLanguage}|${p.targetLanguage}` === langpair))
        return { status: 400, body: envelope(null, 400, 'That pair is not installed') };
      if (q === null) return { status: 400, body: envelope(null, 400, 'Missing q argument') };
      let text = fakeTranslate(q, langpair.split('|')[1] ?? '');
      if (form.get('markUnknown') === 'yes') for (const w of options.unknown ?? []) text = text.split(w).join(`*${w}`);
      return { body: envelope({ translatedText: text }) };
    }
    return { status: 404, body: envelope(null, 404, 'Not found') };
  });
}
