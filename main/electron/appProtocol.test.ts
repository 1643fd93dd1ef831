import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../bridge/securityHeaders.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  isInsideDir,
  resolveAppRequest,
} from './appProtocol.js';

const ROOT = '/opt/Verso/resources/app.asar/dist/renderer';

describe('resolveAppRequest (app://verso → a file of the renderer build)', () => {
  it('serves the build folder with the right MIME types, the index page for /', () => {
    expect(resolveAppRequest(`${APP_ORIGIN}/`, ROOT)).toEqual({
      ok: true,
      filePath: `${ROOT}/index.html`,
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest(APP_INDEX_URL, ROOT)).toMatchObject({ ok: true, filePath: `${ROOT}/index.html` });
    expect(resolveAppRequest(`${APP_INDEX_URL}#/documents/abc`, ROOT)).toMatchObject({ ok: true, filePath: `${ROOT}/index.html` });
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/index-AbC123.js?v=1`, ROOT)).toEqual({
      ok: true,
      filePath: `${ROOT}/assets/index-AbC123.js`,
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/index.css`, ROOT)).toMatchObject({ ok: true, mimeType: 'text/css; charset=utf-8' });
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/font.woff2`, ROOT)).toMatchObject({ ok: true, mimeType: 'font/woff2' });
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/logo.svg`, ROOT)).toMatchObject({ ok: true, mimeType: 'image/svg+xml' });
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/my%20file.png`, ROOT)).toMatchObject({
      ok: true,
      filePath: `${ROOT}/assets/my file.png`,
    });
  });

  it('refuses path traversal however it is spelt', () => {
    for (const p of [
      '../main/electron.cjs',
      'assets/../../main/electron.cjs',
      '%2e%2e/main/electron.cjs',
      '%2E%2E/%2e%2e/etc/passwd',
      '.%2e/x.js',
      'assets/%2e%2e%2f%2e%2e%2fmain%2felectron.cjs',
      '..%2fmain/electron.cjs',
      '..%5cmain%5celectron.cjs',
      '..\\main\\electron.cjs',
      'assets\\..\\..\\x.js',
      './index.html',
    ]) {
      expect(resolveAppRequest(`${APP_ORIGIN}/${p}`, ROOT), p).toMatchObject({ ok: false });
    }
  });

  it('refuses absolute paths, drive letters, NUL and other control characters', () => {
    for (const p of [
      '/etc/passwd',
      '%2fetc%2fpasswd',
      'C:/Windows/win.ini',
      'C%3a%5cWindows%5cwin.ini',
      '//server/share/x.js',
      'index.html%00.png',
      'index.html\u0000',
      'a%0ab.js',
      'a%7fb.js',
      '%e0%a4%a.js',
    ]) {
      expect(resolveAppRequest(`${APP_ORIGIN}/${p}`, ROOT), p).toMatchObject({ ok: false });
    }
  });

  it('refuses other schemes, hosts, credentials and ports', () => {
    for (const url of [
      'file:///etc/passwd',
      'app://other/index.html',
      'app://verso.evil/index.html',
      'app://user@verso/index.html',
      'app://verso:80/index.html',
      'https://verso/index.html',
      'app:verso/index.html',
    ]) {
      expect(resolveAppRequest(url, ROOT), url).toEqual({ ok: false, status: 403 });
    }
  });

  it('does not serve file types the renderer build does not have', () => {
    for (const p of ['main.cjs', 'verso.sqlite', 'engine-keys.json.bak', 'Makefile', 'assets/index.js.map']) {
      expect(resolveAppRequest(`${APP_ORIGIN}/${p}`, ROOT), p).toEqual({ ok: false, status: 404 });
    }
  });

  it('applies the same rules to Windows paths', () => {
    const root = 'C:\\Program Files\\Verso\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/a.js`, root, path.win32)).toMatchObject({ ok: true, filePath: `${root}\\assets\\a.js` });
    for (const p of ['..%5c..%5cx.js', 'D:%5cx.js', '%2e%2e/x.js'])
      expect(resolveAppRequest(`${APP_ORIGIN}/${p}`, root, path.win32), p).toMatchObject({ ok: false });
  });

  it('registers app as a standard, secure scheme that other origins cannot read and that obeys the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('isInsideDir', () => {
  it('is true only strictly inside the folder', () => {
    expect(isInsideDir('/a/b', '/a/b/c')).toBe(true);
    expect(isInsideDir('/a/b', '/a/b')).toBe(false);
    expect(isInsideDir('/a/b', '/a/bc/d')).toBe(false);
    expect(isInsideDir('/a/b', '/a')).toBe(false);
    expect(isInsideDir('C:\\a', 'D:\\a\\b', path.win32)).toBe(false);
  });
});

describe('createAppProtocolHandler (protocol.handle for app://)', () => {
  let dir: string;
  let root: string;
  beforeEach(() => {
    dir = makeTempDir();
    root = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Verso</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.json'), '{"key":"s3cret"}');
  });
  afterEach(() => removeTempDir(dir));

  it('serves a file of the build with its MIME type and the CSP', async () => {
    const handle = createAppProtocolHandler(root);
    const page = await handle({ url: APP_INDEX_URL, method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Verso</title>');
    const script = await handle({ url: `${APP_ORIGIN}/assets/app.js`, method: 'GET', initiatorOrigin: APP_ORIGIN });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('refuses traversal, missing files, symlinks out of the build, other methods and other origins', async () => {
    fs.symlinkSync(path.join(dir, 'secret.json'), path.join(root, 'assets', 'link.json'));
    const handle = createAppProtocolHandler(root);
    const status = async (url: string, method = 'GET', initiatorOrigin?: string) =>
      (await handle({ url, method, ...(initiatorOrigin !== undefined ? { initiatorOrigin } : {}) })).status;
    expect(await status(`${APP_ORIGIN}/%2e%2e/secret.json`)).toBe(400);
    expect(await status(`${APP_ORIGIN}/assets/link.json`)).toBe(403);
    expect(await status(`${APP_ORIGIN}/assets/none.js`)).toBe(404);
    expect(await status(APP_INDEX_URL, 'POST')).toBe(405);
    expect(await status(APP_INDEX_URL, 'GET', 'https://evil.example')).toBe(403);
    expect(await status(APP_INDEX_URL, 'GET', 'null')).toBe(403);
    const body = await (await handle({ url: `${APP_ORIGIN}/assets/link.json`, method: 'GET' })).text();
    expect(body).not.toContain('s3cret');
  });
});
