/** Settings → Backups with the fake API: the list, Back up now, the number to keep and Restore after a confirmation. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { apiWithProfile, renderApp } from '../../test/renderApp.js';

afterEach(() => cleanup());

async function openBackups() {
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  return screen.findByRole('region', { name: 'Backups' });
}

describe('Settings → Backups', () => {
  it('lists the backups, and Back up now adds one', async () => {
    const api = apiWithProfile();
    await api.createBackup({});
    renderApp({ api });
    const section = await openBackups();
    const table = await within(section).findByRole('table', { name: 'Backups' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('By hand')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Back up now' }));
    expect(await within(section).findByText(/^Backup made:/)).toBeTruthy();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('saves the number to keep', async () => {
    const api = apiWithProfile();
    renderApp({ api });
    const section = await openBackups();
    const input = within(section).getByLabelText('Backups to keep');
    await within(section).findByDisplayValue('10');
    fireEvent.change(input, { target: { value: '3' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save' }));
    expect(await within(section).findByText('Verso keeps the newest 3 backups.')).toBeTruthy();
    expect(api.backupKeep).toBe(3);
  });

  it('Restore asks first; No changes nothing, Restore restores', async () => {
    const api = apiWithProfile();
    const backup = await api.createBackup({});
    renderApp({ api });
    const section = await openBackups();
    fireEvent.click(await within(section).findByRole('button', { name: 'Restore' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Restore this backup?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.backups.map((b) => b.reason)).toEqual(['manual']);
    fireEvent.click(within(section).getByRole('button', { name: 'Restore' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Restore this backup?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(section).findByText(/^Restored the backup from/)).toBeTruthy();
    expect(api.backups.map((b) => b.reason).sort()).toEqual(['manual', 'pre-restore']);
    expect(backup.reason).toBe('manual');
  });

  it('says when the last backup failed verification and was deleted', async () => {
    const api = apiWithProfile();
    api.backupProblem = { at: '2026-12-03T02:00:00.000Z', reason: 'daily', message: 'quick_check: page 3 is never used' };
    renderApp({ api });
    const section = await openBackups();
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toMatch(/^The last backup \(Daily, .+\) failed and was deleted: quick_check: page 3 is never used$/);
    expect(within(section).getByText('No backups yet.')).toBeTruthy();
  });
});
