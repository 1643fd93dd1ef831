/** Settings → Team over the real backend (team ports: in-memory stand-ins): connect, status, password never shown, forget, refusals. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';

afterEach(() => cleanup());

async function openTeam() {
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  return screen.findByRole('region', { name: 'Team' });
}

function fill(section: HTMLElement, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) fireEvent.change(within(section).getByLabelText(label), { target: { value } });
}

const LOOPBACK = { 'Server address': '127.0.0.1', Port: '5999', Database: 'team', 'User name': 'ana', Password: 'pa55-word' };

describe('Settings → Team', () => {
  it('connects to a loopback server: online, changes waiting, who I am; the password is never shown back', async () => {
    const backend = await backendWithProfile('translator', 'Tess Translator', { team: true });
    renderApp({ backend });
    const section = await openTeam();
    expect(await within(section).findByText('Team server: not connected to a team. 0 changes waiting.')).toBeTruthy();
    fill(section, LOOPBACK);
    fireEvent.change(within(section).getByLabelText('Connection security'), { target: { value: 'none' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));
    expect(await within(section).findByText('Team server: online. 0 changes waiting.', {}, { timeout: 10_000 })).toBeTruthy();
    expect(within(section).getByText('You are Ana (ana), translator in this team.')).toBeTruthy();
    const password = within(section).getByLabelText<HTMLInputElement>('Password');
    expect(password.value).toBe('');
    expect(within(section).getByText('A password is stored. Leave the field empty to keep it.')).toBeTruthy();
    expect(JSON.stringify(await backend.api.getTeamStatus({}))).not.toContain('pa55-word');
  });

  it('says offline and why when the server cannot be reached; Sync now tries again', async () => {
    const backend = await backendWithProfile('translator', 'Tess Translator', { team: true });
    backend.team!.refuseConnections('connect ECONNREFUSED 127.0.0.1:5999');
    renderApp({ backend });
    const section = await openTeam();
    fill(section, LOOPBACK);
    fireEvent.change(within(section).getByLabelText('Connection security'), { target: { value: 'none' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));
    expect(await within(section).findByText(/^Team server: offline\. 0 changes waiting\.$/, {}, { timeout: 10_000 })).toBeTruthy();
    // The status is polled every 2 s.
    expect(await within(section).findByText(/^Last problem: connect ECONNREFUSED 127\.0\.0\.1:5999/, {}, { timeout: 10_000 })).toBeTruthy();
    backend.team!.refuseConnections(null);
    fireEvent.click(within(section).getByRole('button', { name: 'Sync now' }));
    expect(await within(section).findByText('Sync finished: online.')).toBeTruthy();
  });

  it('refuses a plain connection to another machine with a clear message, and Forget forgets', async () => {
    const backend = await backendWithProfile('translator', 'Tess Translator', { team: true });
    renderApp({ backend });
    const section = await openTeam();
    fill(section, { ...LOOPBACK, 'Server address': 'team.example.org' });
    fireEvent.change(within(section).getByLabelText('Connection security'), { target: { value: 'none' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toBe(
      "A connection without TLS is allowed only to this computer (localhost, 127.0.0.1 or ::1). team.example.org needs TLS with the team's CA certificate. Nothing was saved.",
    );
    expect((await backend.api.getTeamStatus({})).configured).toBe(false);

    fill(section, LOOPBACK);
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));
    await waitFor(async () => expect((await backend.api.getTeamStatus({})).state).toBe('online'));
    fireEvent.click(within(section).getByRole('button', { name: 'Forget this server' }));
    expect(await within(section).findByText('The team server was forgotten. Changes still waiting stay in this library.')).toBeTruthy();
    expect(await backend.api.getTeamStatus({})).toMatchObject({ configured: false, settings: null });
    expect(within(section).getByLabelText<HTMLInputElement>('Server address').value).toBe('');
  });

  it('TLS takes the CA certificate from a file, sent as its text', async () => {
    const backend = await backendWithProfile('translator', 'Tess Translator', { team: true });
    backend.team!.refuseConnections('getaddrinfo ENOTFOUND team.example.org');
    renderApp({ backend });
    const section = await openTeam();
    fill(section, { ...LOOPBACK, 'Server address': 'team.example.org' });
    const file = new File(['not a certificate'], 'ca.pem', { type: 'application/x-pem-file' });
    fireEvent.change(within(section).getByLabelText('CA certificate (PEM file)'), { target: { files: [file] } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));
    expect((await within(section).findByRole('alert')).textContent).toBe(
      "The CA certificate could not be used: choose the team's CA certificate as a PEM file. Nothing was saved.",
    );
    expect(backend.callsOf('saveTeamSettings')).toEqual([
      expect.objectContaining({ host: 'team.example.org', tls: 'verify-full', caPem: 'not a certificate' }),
    ]);
  });

  it('says how many documents of this library are shared, and names a document the team deleted that was kept here', async () => {
    const backend = await backendWithProfile('editor', 'Eve Editor', { team: true });
    // Made before joining: Connect shares it.
    await backend.api.importDocument({ source: { kind: 'text', text: 'Rain fell.', format: 'txt' }, sourceLang: 'en', targetLang: 'es' });
    renderApp({ backend });
    const section = await openTeam();
    expect(within(section).queryByText(/shared with the team/)).toBeNull();
    fill(section, LOOPBACK);
    fireEvent.change(within(section).getByLabelText('Connection security'), { target: { value: 'none' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));
    expect(await within(section).findByText('1 document of this library is shared with the team.', {}, { timeout: 10_000 })).toBeTruthy();
    const status = await backend.api.getTeamStatus({});
    backend.replyNext('getTeamStatus', {
      ...status,
      documents: { shared: 3, notShared: 2, kept: [{ documentId: 'd1', title: 'Storm', deletedBy: 'Ed' }] },
    });
    expect(
      await within(section).findByText(
        '3 documents of this library are shared with the team. 2 more are shared when the server is reached.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(
      within(section).getByText(
        '“Storm” was deleted in the team by Ed, but it is kept in this library: changes made here on it had not reached the team. Delete it here once they are no longer needed, or share it again to give it back to the team.',
      ),
    ).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Share “Storm” again with the team' })).toBeTruthy();
  });

  it('lists the changes the server refused, with a clear reason', async () => {
    const backend = await backendWithProfile('translator', 'Tess Translator', { team: true });
    renderApp({ backend });
    await screen.findByRole('button', { name: 'Settings' });
    // Refused changes are kept by the outbox (not in this test's stand-in): the status says so as the service would.
    const status = await backend.api.getTeamStatus({});
    backend.replyNext('getTeamStatus', {
      ...status,
      refusals: [
        {
          changeId: 'c1',
          kind: 'sign-off',
          documentId: 'doc-1',
          documentTitle: 'Storm story',
          code: 'TEAM_SIGN_OFF_STALE',
          message: 'VS004: not on the head',
        },
      ],
    });
    const section = await openTeam();
    const list = await within(section).findByRole('list', { name: 'Changes the server refused' });
    expect(within(list).getByRole('listitem').textContent).toBe(
      'A sign-off in “Storm story”: the text changed before your sign-off arrived, so the sign-off was withdrawn. Review the paragraph again. The server said: VS004: not on the head',
    );
  });
});
