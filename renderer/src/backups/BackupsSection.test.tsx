/** Settings → Backups over the real backend: the list, Back up now, the number to keep and Restore after a confirmation. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';

afterEach(() => cleanup());

async function openBackups() {
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  return screen.findByRole('region', { name: 'Backups' });
}

describe('Settings → Backups', () => {
  it('lists the backups, and Back up now adds one', async () => {
    const backend = await backendWithProfile();
    await backend.api.createBackup({});
    renderApp({ backend });
    const section = await openBackups();
    const table = await within(section).findByRole('table', { name: 'Backups' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('By hand')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Back up now' }));
    expect(await within(section).findByText(/^Backup made:/)).toBeTruthy();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('saves the number to keep', async () => {
    const backend = await backendWithProfile();
    renderApp({ backend });
    const section = await openBackups();
    const input = within(section).getByLabelText('Backups to keep');
    await within(section).findByDisplayValue('10');
    fireEvent.change(input, { target: { value: '3' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save' }));
    expect(await within(section).findByText('Verso keeps the newest 3 backups.')).toBeTruthy();
    expect((await backend.api.listBackups({})).keep).toBe(3);
  });

  it('Restore asks first; No changes nothing, Restore restores', async () => {
    const backend = await backendWithProfile();
    const backup = await backend.api.createBackup({});
    renderApp({ backend });
    const section = await openBackups();
    fireEvent.click(await within(section).findByRole('button', { name: 'Restore' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Restore this backup?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await backend.api.listBackups({})).backups.map((b) => b.reason)).toEqual(['manual']);
    fireEvent.click(within(section).getByRole('button', { name: 'Restore' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Restore this backup?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(section).findByText(/^Restored the backup from/)).toBeTruthy();
    expect((await backend.api.listBackups({})).backups.map((b) => b.reason).sort()).toEqual(['manual', 'pre-restore']);
    expect(backup.reason).toBe('manual');
  });

  it('says when the last backup failed verification and was deleted', async () => {
    const backend = await backendWithProfile();
    // A backup that fails its verification cannot be made to happen here: the list says so as the service would.
    const list = await backend.api.listBackups({});
    backend.replyNext('listBackups', {
      ...list,
      lastProblem: { at: '2026-12-03T02:00:00.000Z', reason: 'daily', message: 'quick_check: page 3 is never used' },
    });
    renderApp({ backend });
    const section = await openBackups();
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toMatch(/^The last backup \(Daily, .+\) failed and was deleted: quick_check: page 3 is never used$/);
    expect(within(section).getByText('No backups yet.')).toBeTruthy();
  });
});
