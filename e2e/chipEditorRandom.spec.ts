/**
 * Randomized editing of chip paragraphs in real Chromium (browser mode), checked against a model
 * (support/chipModel.ts). Each run edits its own paragraph with random keystrokes (letters,
 * spaces, accented, CJK and emoji characters; Arabic and Hebrew in right-to-left documents),
 * Backspace/Delete, arrows, Home/End, Ctrl+Home/End, Shift selections across chips, Enter,
 * Alt+Insert and the "Missing formatting" buttons, pastes (with placeholder characters and chip
 * HTML that must never become tokens), IME compositions driven through CDP
 * (Input.imeSetComposition + Input.insertText, as Chinese, Japanese and Korean input methods do),
 * server-side undo/redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), leaving the box and coming back, and
 * pauses that let autosave run. At every pause the box shows the model's text and caret, and the
 * server stores the model's text; at the end of a run, the same.
 *
 * Seeded and reproducible: run i uses seed VERSO_CHIP_SEED + i (default base 20260311); a failure
 * names its seed and the actions so far. Replay one run:
 *   VERSO_CHIP_SEED=<seed> VERSO_CHIP_RUNS=1 npx playwright test e2e/chipEditorRandom.spec.ts
 * (VERSO_CHIP_STRICT=1 also checks the box after every action.)
 *
 * Autosave is shortened to 40 ms through the test hook (`__VERSO_TEST_AUTOSAVE_MS__`): the same
 * timer and save path as in use, so a run has many saves, also in the middle of a burst of keys.
 * The boxes do not wrap lines here (`white-space: pre`), so Home and End mean the start and end of
 * a line of the text, which the model can know.
 */
import type { CDPSession, Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { importMarkdown, invoke, storedParagraph } from './support/api.js';
import { chipBoxState } from './support/chipBox.js';
import { ChipModel, rng } from './support/chipModel.js';
import type { DocumentDetail } from '../shared/types.js';

const BASE_SEED = Number(process.env['VERSO_CHIP_SEED'] ?? 20260311);
const RUNS = Number(process.env['VERSO_CHIP_RUNS'] ?? 200);
const STRICT = process.env['VERSO_CHIP_STRICT'] === '1';
const PER_DOCUMENT = 10;
/** Browser pages working at the same time (VERSO_CHIP_PAGES). */
const PAGES = Math.max(1, Number(process.env['VERSO_CHIP_PAGES'] ?? 2));

const o = (i: number) => String.fromCharCode(0xe000 + i);
const c = (i: number) => String.fromCharCode(0xe100 + i);
const EXPECTED = [o(0), c(0), o(1), c(1)];
const HREF = 'https://news.example/b';
const CHIP_NAMES: Record<string, string> = {
  [o(0)]: 'start of bold',
  [c(0)]: 'end of bold',
  [o(1)]: `start of link to ${HREF}`,
  [c(1)]: `end of link to ${HREF}`,
};

const LTR_CHARS = [...'aeiostnrl ', ...'aeiostnrl ', ...'éñüçà', ...'中文字日本한국', '😀', '1', '9', ',', '.'];
const RTL_CHARS = [...'ابتسملنه ', ...'שלוםרכ '];
const LTR_WORDS = ['El', 'banco', 'abrió', 'una', 'sucursal', 'en', 'Madrid', 'hoy', 'año'];
const RTL_WORDS = ['البنك', 'فتح', 'فرعا', 'في', 'מדריד', 'היום'];
const COMPOSITIONS = [
  { steps: ['n', 'ni', 'nih', 'niha', 'nihao', '你好'], commit: '你好' },
  { steps: ['k', 'か', 'かん', 'かんj', 'かんじ', '漢字'], commit: '漢字' },
  { steps: ['ㅎ', '하', '한'], commit: '한' },
  { steps: ['ㄱ', '그', '글'], commit: '글' },
  { steps: ['z', 'zh', 'zhong', '中'], commit: '中' },
];
const RTL_COMPOSITIONS = [{ steps: ['س', 'سل', 'سلا', 'سلام'], commit: 'سلام' }];
const PASTES = ['pegado', ' dos palabras ', `con${o(0)}marca${c(1)}`, 'línea\r\nnueva', `${o(2)}`];
const RTL_PASTES = ['ملصق', ' שתי מילים ', `مع${o(0)}رمز`];

interface Run {
  index: number;
  seed: number;
  rtl: boolean;
  initial: string;
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

/** The translation a run starts from: empty, all four chips, or some of them missing. */
function initialText(next: () => number, rtl: boolean): string {
  const r = next();
  if (r < 0.2) return '';
  const words = rtl ? RTL_WORDS : LTR_WORDS;
  const parts: string[] = [];
  for (let i = 0; i < 2 + Math.floor(next() * 5); i++) parts.push(pick(next, words));
  const tokens = r < 0.75 ? EXPECTED : EXPECTED.filter(() => next() < 0.5);
  let text = parts.join(' ');
  // Pairs stay in order (open before close), each around a word or two.
  for (const t of tokens) {
    const at = text.length === 0 ? 0 : Math.floor(next() * (text.length + 1));
    text = text.slice(0, at) + t + text.slice(at);
  }
  const fixed = EXPECTED.filter((t) => text.includes(t));
  // Sorting keeps only the order of tokens in code order (the generator may have swapped a pair).
  let k = 0;
  return text.replace(/[\uE000-\uE2FF]/gu, () => fixed[k++]!);
}

function plan(): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const seed = BASE_SEED + i;
    const next = rng(seed);
    const rtl = next() < 0.25;
    runs.push({ index: i, seed, rtl, initial: initialText(next, rtl) });
  }
  return runs;
}

type Server = { origin: string; token: string };

/** Documents for the runs (each run edits one paragraph), their first translations set by someone else. */
async function setUp(server: Server, runs: Run[]): Promise<{ doc: DocumentDetail; runs: { run: Run; paragraphId: string }[] }[]> {
  await invoke(server, 'setProfile', { name: 'Setup Person', role: 'translator' });
  const docs: { doc: DocumentDetail; runs: { run: Run; paragraphId: string }[] }[] = [];
  for (const rtl of [false, true]) {
    const mine = runs.filter((r) => r.rtl === rtl);
    for (let start = 0; start < mine.length; start += PER_DOCUMENT) {
      const group = mine.slice(start, start + PER_DOCUMENT);
      const markdown = group.map((r) => `Run ${r.index}: the **bank** opened [a branch](${HREF}) in Madrid.`).join('\n\n');
      const target = rtl ? ((start / PER_DOCUMENT) % 2 === 0 ? 'ar' : 'he') : 'es';
      const doc = await importMarkdown(server, markdown, 'en', target, `Random ${rtl ? 'rtl' : 'ltr'} ${start / PER_DOCUMENT + 1}`);
      const entries = group.map((run, i) => ({ run, paragraphId: doc.paragraphs[i]!.id }));
      for (const e of entries) {
        expect(doc.paragraphs.find((p) => p.id === e.paragraphId)!.codes).toHaveLength(2);
        if (e.run.initial !== '') await invoke(server, 'updateParagraphTarget', { paragraphId: e.paragraphId, target: e.run.initial });
      }
      docs.push({ doc, runs: entries });
    }
  }
  await invoke(server, 'setProfile', { name: 'Rita Random', role: 'translator' });
  return docs;
}

class RunFailure extends Error {}
const timing = new Map<string, number>();

/** Text with its tokens readable in a failure message: ⟨1⟩ opens code 1, ⟨/1⟩ closes it. */
function show(text: string): string {
  return JSON.stringify(
    text.replace(/[\uE000-\uE2FF]/gu, (ch) => {
      const code = ch.charCodeAt(0);
      const n = (code & 0xff) + 1;
      return code < 0xe100 ? `⟨${n}⟩` : code < 0xe200 ? `⟨/${n}⟩` : `⟦${n}⟧`;
    }),
  );
}

async function runOne(
  page: Page,
  cdp: CDPSession,
  server: Server,
  documentId: string,
  paragraphIndex: number,
  run: Run,
  paragraphId: string,
): Promise<void> {
  const next = rng(run.seed * 7919 + 1);
  const row = page.locator(`[data-paragraph-id="${paragraphId}"]`);
  const box: Locator = row.getByRole('textbox', { name: 'Translation' });
  const model = new ChipModel(run.initial, EXPECTED, run.rtl);
  const log: string[] = [];
  let focusedAt = 0;

  const fail = (why: string): never => {
    throw new RunFailure(
      `run ${run.index} (seed ${run.seed}, ${run.rtl ? 'right-to-left' : 'left-to-right'}) failed: ${why}\n` +
        `initial: ${show(run.initial)}\nactions: ${log.join(' | ')}\n` +
        `replay: VERSO_CHIP_SEED=${run.seed} VERSO_CHIP_RUNS=1 VERSO_CHIP_STRICT=1 npx playwright test e2e/chipEditorRandom.spec.ts`,
    );
  };

  const checkBox = async (): Promise<void> => {
    const seen = await chipBoxState(box);
    if (seen.text !== model.text || seen.anchor !== model.anchor || seen.head !== model.head || !seen.focused) {
      fail(
        `the box shows ${show(seen.text)} with the selection ${seen.anchor}→${seen.head}${seen.focused ? '' : ' (not focused)'}, ` +
          `expected ${show(model.text)} with ${model.anchor}→${model.head}`,
      );
    }
  };

  /** A pause long enough for autosave: the server ends up with the model's text. */
  const settle = async (): Promise<void> => {
    model.save();
    const deadline = Date.now() + 15_000;
    for (;;) {
      const stored = (await storedParagraph(server, documentId, paragraphIndex)).target;
      const state = await row.locator('.save-state').textContent();
      if (stored === model.text && state !== 'Saving…') break;
      if (Date.now() > deadline) fail(`the server stores ${show(stored)}, expected ${show(model.text)}`);
      await page.waitForTimeout(10);
    }
    await checkBox();
  };

  /** Waits until the box shows the model's text (an answer of the server), then checks the caret. */
  const waitForText = async (): Promise<void> => {
    const deadline = Date.now() + 15_000;
    while ((await chipBoxState(box)).text !== model.text) {
      if (Date.now() > deadline) await checkBox();
      await page.waitForTimeout(10);
    }
    await checkBox();
  };

  /** ProseMirror takes a caret at the very start within 200 ms of focus for the browser's reset-on-focus (see chipEditorView). */
  const maybeWaitAfterFocus = async (apply: (m: ChipModel) => void): Promise<void> => {
    const probe = Object.assign(Object.create(Object.getPrototypeOf(model) as object) as ChipModel, model);
    apply(probe);
    const since = Date.now() - focusedAt;
    if (probe.collapsed && probe.head === 0 && since < 230) await page.waitForTimeout(230 - since);
  };

  const press = async (key: string, name: string, apply: (m: ChipModel) => void, selectionOnly: boolean): Promise<void> => {
    if (selectionOnly) await maybeWaitAfterFocus(apply);
    log.push(name);
    await page.keyboard.press(key);
    apply(model);
  };

  await box.focus();
  focusedAt = Date.now();
  await checkBox();

  const actions = 8 + Math.floor(next() * 18);
  for (let a = 0; a < actions; a++) {
    const t0 = Date.now();
    const r = next();
    const forwardKey = run.rtl ? 'ArrowLeft' : 'ArrowRight';
    const backKey = run.rtl ? 'ArrowRight' : 'ArrowLeft';
    if (r < 0.34) {
      const ch = pick(next, run.rtl ? RTL_CHARS : LTR_CHARS);
      log.push(`type ${JSON.stringify(ch)}`);
      await page.keyboard.type(ch);
      model.replaceSelection(ch);
    } else if (r < 0.42) {
      await press('Backspace', 'Backspace', (m) => m.backspace(), false);
    } else if (r < 0.47) {
      await press('Delete', 'Delete', (m) => m.deleteForward(), false);
    } else if (r < 0.55) {
      const forward = next() < 0.5;
      await press(forward ? forwardKey : backKey, forward ? 'forward' : 'back', (m) => m.arrow(forward, false), true);
    } else if (r < 0.61) {
      const forward = next() < 0.5;
      await press(`Shift+${forward ? forwardKey : backKey}`, forward ? 'shift+forward' : 'shift+back', (m) => m.arrow(forward, true), true);
    } else if (r < 0.65) {
      const which = Math.floor(next() * 4);
      const [key, name, apply] = (
        [
          ['Home', 'Home', (m: ChipModel) => m.home(false)],
          ['End', 'End', (m: ChipModel) => m.end(false)],
          ['Shift+Home', 'Shift+Home', (m: ChipModel) => m.home(true)],
          ['Shift+End', 'Shift+End', (m: ChipModel) => m.end(true)],
        ] as const
      )[which]!;
      await press(key, name, apply, true);
    } else if (r < 0.67) {
      const start = next() < 0.5;
      await press(
        start ? 'Control+Home' : 'Control+End',
        start ? 'Ctrl+Home' : 'Ctrl+End',
        (m) => (start ? m.docStart(false) : m.docEnd(false)),
        false,
      );
    } else if (r < 0.68) {
      await press('Enter', 'Enter', (m) => m.replaceSelection('\n'), false);
    } else if (r < 0.73) {
      const missing = model.missing();
      log.push(`Alt+Insert (${missing.length} missing)`);
      await page.keyboard.press('Alt+Insert');
      if (missing.length > 0) model.replaceSelection(missing[0]!);
    } else if (r < 0.76) {
      const missing = model.missing();
      if (missing.length === 0) continue;
      const token = pick(next, missing);
      log.push(`button ${CHIP_NAMES[token]}`);
      const button = row.getByRole('button', { name: `Insert ${CHIP_NAMES[token]}` });
      await button.click({ timeout: 10_000 }).catch(async () => {
        const seen = await chipBoxState(box);
        fail(`no button "Insert ${CHIP_NAMES[token]}"; the box shows ${show(seen.text)}, the model ${show(model.text)}`);
      });
      model.replaceSelection(token);
    } else if (r < 0.8) {
      const text = pick(next, run.rtl ? RTL_PASTES : PASTES);
      log.push(`paste ${JSON.stringify(text)}`);
      await box.evaluate((el, t) => {
        const data = new DataTransfer();
        data.setData('text/plain', t);
        data.setData('text/html', `<span data-token="\uE000">⟨B</span>${t}`);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, text);
      // A paste that holds nothing but placeholders changes nothing (the selection stays).
      if (ChipModel.clean(text) !== '') model.replaceSelection(ChipModel.clean(text));
    } else if (r < 0.85) {
      const composition = pick(next, run.rtl ? RTL_COMPOSITIONS : COMPOSITIONS);
      log.push(`IME ${composition.commit}`);
      for (const step of composition.steps)
        await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
      await cdp.send('Input.insertText', { text: composition.commit });
      model.replaceSelection(composition.commit);
    } else if (r < 0.88) {
      const kind = next() < 0.6 ? 'undo' : 'redo';
      const probe = Object.assign(Object.create(Object.getPrototypeOf(model) as object) as ChipModel, model, {
        revisions: model.revisions.map((x) => ({ ...x })),
      });
      if (!probe.history(kind)) continue;
      const key = kind === 'undo' ? 'Control+z' : next() < 0.5 ? 'Control+Shift+z' : 'Control+y';
      log.push(key);
      await page.keyboard.press(key);
      model.history(kind);
      // The server answers: wait for its text before going on (typing meanwhile would race the answer).
      await waitForText();
    } else if (r < 0.895) {
      log.push('leave and come back');
      await page.getByRole('heading', { level: 1 }).click();
      model.save();
      await box.focus();
      focusedAt = Date.now();
    } else {
      log.push('pause');
      await settle();
      continue;
    }
    if (STRICT) await checkBox();
    timing.set(log.at(-1)!.split(' ')[0]!, (timing.get(log.at(-1)!.split(' ')[0]!) ?? 0) + Date.now() - t0);
  }
  log.push('end');
  await settle();
}

/** A browser page set up for the runs: short autosave, boxes that do not wrap lines, a CDP session for IME. */
async function preparePage(page: Page, url: string): Promise<CDPSession> {
  await page.setViewportSize({ width: 1280, height: 9000 });
  await page.addInitScript(() => {
    (globalThis as { __VERSO_TEST_AUTOSAVE_MS__?: number }).__VERSO_TEST_AUTOSAVE_MS__ = 40;
    // A constructed style sheet (the page's CSP refuses inline <style>).
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.token-editor { white-space: pre !important; overflow-x: auto; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(url);
  return cdp;
}

test('randomized editing of chip paragraphs keeps every character and the caret (seeded, in real Chromium)', async ({ page, server }) => {
  // Generous: on a machine shared with other work a run can take several seconds.
  test.setTimeout(Math.max(120_000, RUNS * 10_000));
  const runs = plan();
  const docs = await setUp(server, runs);
  console.log(`chip editor: ${runs.length} runs, seeds ${BASE_SEED}…${BASE_SEED + runs.length - 1}, in ${PAGES} pages`);
  let done = 0;
  const started = Date.now();
  // The documents are shared out between a few pages (tabs) that work at the same time: a run
  // waits mostly on round trips (keys, saves), so two pages take about half the time of one.
  const pages = [page, ...(await Promise.all(Array.from({ length: PAGES - 1 }, () => page.context().newPage())))];
  await Promise.all(
    pages.map(async (p, k) => {
      const cdp = await preparePage(p, server.url);
      for (const { doc, runs: entries } of docs.filter((_, i) => i % PAGES === k)) {
        await p.getByRole('button', { name: doc.title, exact: true }).click();
        await expect(p.getByRole('heading', { level: 1, name: doc.title, exact: true })).toBeVisible();
        for (const { run, paragraphId } of entries) {
          const index = doc.paragraphs.findIndex((x) => x.id === paragraphId);
          await runOne(p, cdp, server, doc.id, index, run, paragraphId);
          done++;
          if (done % 50 === 0) console.log(`${done} runs passed (${Math.round((Date.now() - started) / 1000)} s)`);
        }
        await p.getByRole('button', { name: 'Back to library' }).click();
      }
    }),
  );
  expect(done).toBe(runs.length);
  console.log(
    [...timing]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', '),
  );
});
