/** The library's "Assigned to me" (issue 16) over the real backend with the team stand-ins: the marker and the filter. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { backendWithProfile, createTestBackend, renderApp } from '../../test/renderApp.js';

afterEach(() => cleanup());

describe('library: assigned to me', () => {
  it('marks the documents assigned to me and filters to them', async () => {
    const backend = await backendWithProfile('translator', 'Ana', { team: true });
    const mine = await backend.seedDocument([{ source: 'Mine.' }], { title: 'My story' });
    const review = await backend.seedDocument([{ source: 'Review.' }], { title: 'To review' });
    await backend.seedDocument([{ source: 'Other.' }], { title: 'Other story' });
    await backend.api.saveTeamSettings({
      host: '127.0.0.1',
      port: 5999,
      database: 'team',
      user: 'ana',
      password: 'x',
      tls: 'none',
      caPem: null,
    });
    backend.team!.assign(mine.id, { translator: 'ana', editor: 'ed' });
    backend.team!.assign(review.id, { translator: 'ed', editor: 'ana' });
    renderApp({ backend });
    const list = await screen.findByRole('list', { name: 'Articles' });
    expect(await within(list).findByText('Assigned to me to translate')).toBeTruthy();
    expect(within(list).getByText('Assigned to me to review')).toBeTruthy();
    expect(within(list).getAllByRole('button', { name: /story|review/i }).length).toBeGreaterThanOrEqual(3);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Assigned to me' }));
    expect(within(list).queryByRole('button', { name: 'Other story' })).toBeNull();
    expect(within(list).getByRole('button', { name: 'My story' })).toBeTruthy();
    expect(within(list).getByRole('button', { name: 'To review' })).toBeTruthy();
  });

  it('outside a team there is no filter', async () => {
    const backend = await createTestBackend({ team: true });
    await backend.seedProfile('translator');
    await backend.seedDocument([{ source: 'One.' }], { title: 'A story' });
    renderApp({ backend });
    await screen.findByRole('button', { name: 'A story' });
    expect(screen.queryByRole('checkbox', { name: 'Assigned to me' })).toBeNull();
  });
});
