// electron-builder configuration: `npm run dist` packages the built app for the current platform.
// Targets: Linux AppImage + deb, Windows NSIS, macOS dmg. electron-builder rebuilds better-sqlite3
// for Electron's ABI inside the package itself, separately from the Node build used by tests.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.verso.workstation',
  productName: 'Verso',
  copyright: 'Copyright © 2026 Verso developers',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  // Code caches a local run of the CLI left beside the bundles are not shipped (main/codeCache/).
  files: ['dist/main/**', 'dist/renderer/**', 'package.json', '!**/*.map', '!**/*.v8cache'],
  asar: true,
  // The import parser runs in a worker thread, which cannot start from inside the archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**', 'dist/main/importWorker.cjs', 'dist/main/importWorkerMain.cjs'],
  npmRebuild: true,
  // Fuses are bits in the Electron binary, flipped before signing (main/electron/packaging.test.ts):
  // no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect to turn the app into a Node shell; code only
  // from the (integrity-checked on macOS/Windows) app.asar; cookies encrypted; file:// without
  // extra privileges (the renderer is served from app://verso).
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'build/icon.png',
    synopsis: 'Translate news articles with machine translation and editorial sign-off',
  },
  deb: {
    // Apertium is the offline engine; recommend it rather than require it.
    recommends: ['apertium', 'apertium-eng-spa'],
  },
  win: {
    target: ['nsis'],
    icon: 'build/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    icon: 'build/icon.png',
  },
};
