/** Issue 12 in the renderer: the Signature broken badge and the start-up check above the library. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { LibraryCheck } from '../../../shared/features/signaturesApi.js';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';

afterEach(() => cleanup());

describe('signatures in the UI', () => {
  it('a signed-off paragraph whose signature is broken says "Signature broken" instead of "Signed off"', async () => {
    const backend = await backendWithProfile();
    const doc = await backend.seedDocument(
      [
        { source: 'One.', target: 'Uno.', status: 'signed-off' },
        { source: 'Two.', target: 'Dos.', status: 'signed-off' },
      ],
      { title: 'Broken' },
    );
    // A broken signature only comes from tampering with the library file: the answers say so as the service would.
    const broken = { ...doc, paragraphs: doc.paragraphs.map((p, i) => (i === 1 ? { ...p, signatureBroken: true as const } : p)) };
    backend.replyNext('getDocument', broken);
    const page = await backend.api.getParagraphPage({ documentId: doc.id, from: 0 });
    backend.replyNext('getParagraphPage', { ...page, paragraphs: broken.paragraphs });
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Broken' }));
    const rows = (await screen.findByRole('table', { name: 'Paragraphs' })).querySelectorAll('[role="row"]');
    expect(rows[0]!.querySelector('.status-badge')!.textContent).toBe('Signed off');
    expect(rows[1]!.querySelector('.status-badge')!.textContent).toBe('Signature broken');
  });

  it('shows the start-up check’s progress above the library while it runs', async () => {
    const backend = await backendWithProfile();
    // A check over 20,000 signatures cannot be caught running here: the answer says so as the service would.
    const check = await backend.api.getLibraryCheck({});
    backend.replyNext('getLibraryCheck', { ...check, state: 'running', trigger: 'start-up', done: 1500, total: 20000 });
    renderApp({ backend });
    const progress = await screen.findByRole('progressbar', { name: /Checking signatures and the audit log: 1,?500 of 20,?000/ });
    expect(progress.getAttribute('value')).toBe('1500');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the problems the start-up check found, with a link to Settings', async () => {
    const backend = await backendWithProfile();
    // Problems only come from tampering with the library file: the answers (above the library,
    // then in Settings) say so as the service would.
    const check = await backend.api.getLibraryCheck({});
    const found: LibraryCheck = {
      ...check,
      state: 'done',
      trigger: 'start-up',
      problemCount: 2,
      problems: [
        { kind: 'signature', documentId: 'd', title: 'Story', paragraph: 4, problem: 'text-changed' },
        { kind: 'chain', seq: 9, detail: 'gap' },
      ],
    };
    backend.replyNext('getLibraryCheck', found);
    backend.replyNext('getLibraryCheck', found);
    renderApp({ backend });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Signature check: 2 problems found in the library');
    fireEvent.click(within(alert).getByRole('link', { name: 'See them under Settings → Verify library' }));
    const list = await screen.findByRole('list', { name: 'Problems found' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['“Story”, paragraph 4: Signature broken (the text was changed after sign-off).', 'Audit records before 9 were deleted.']);
  });
});
