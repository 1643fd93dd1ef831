// The layer rules (ARCHITECTURE.md), checked on every import — type-only imports included — by
// `npx depcruise` as a step of `npm test` (tools/dependencyRules.test.ts proves each rule can fail).
//
// Top level: renderer/ → shared/ ← main/. Inside main/, bottom to top:
//   core/ < db/ < domain modules < services/ < api/ < backend.ts, transports (bridge/, electron/, cli/, port/), entries.
// A layer never imports one above it; test support (testing/ folders, *.test.ts) is imported by tests only.
const DOMAIN = '(engines|memory|glossary|import|export|signing|backups|library|jobs|team)';
const TOP = '(bridge|electron|cli|port)/|[^/]+\\.ts$'; // transports and the entry/composition files at main/'s root
const TEST_SUPPORT = '(^|/)(testing|test)/|\\.test\\.tsx?$';

/** main/<from> may not import main/<to>. */
const upward = (name, from, to, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^main/${from}`, pathNot: TEST_SUPPORT },
  to: { path: `^main/(${to})` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules import each other in a circle: split the shared part out into a lower module.',
      severity: 'error',
      from: { path: '^(main|shared|renderer)/' },
      to: { circular: true },
    },
    upward('core-is-ground-floor', 'core/', `(?!core/).+`, 'main/core/ imports nothing else of main/.'),
    upward('db-imports-only-core', 'db/', `${DOMAIN}/|services/|api/|${TOP}`, 'Storage imports only core/.'),
    upward(
      'domain-never-imports-services',
      `${DOMAIN}/`,
      `services/|api/|${TOP}`,
      'Domain modules never import services, api, transports or the entries.',
    ),
    upward('services-never-import-transports', 'services/', `api/|${TOP}`, 'Services never import api/, transports or the entries.'),
    upward('api-never-imports-transports', 'api/', TOP, 'The dispatcher never imports transports or the entries.'),
    {
      name: 'test-support-only-in-tests',
      comment: 'Production code never imports testing/ helpers.',
      severity: 'error',
      from: { path: '^(main|shared|renderer)/', pathNot: TEST_SUPPORT },
      to: { path: TEST_SUPPORT },
    },
    {
      name: 'only-main-electron-imports-electron',
      severity: 'error',
      from: { path: '^(main|shared|renderer)/', pathNot: '^main/electron/' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ imports no main/, renderer/, Node built-in and only the allowlisted packages.',
      severity: 'error',
      from: { path: '^shared/' },
      to: {
        pathNot: '^shared/|node_modules/(zod|diff|mdast-util-from-markdown|@types/mdast|vitest|@vitest)/',
      },
    },
    {
      name: 'renderer-imports-shared-and-allowlist',
      comment: 'renderer/ imports renderer/, shared/ and the allowlisted UI packages: never main/, Node, Electron or the database.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: {
        pathNot:
          '^renderer/|^shared/|node_modules/(react|react-dom|react-i18next|i18next|@tanstack/react-query|@tanstack/query-core|@tanstack/react-virtual|@tanstack/virtual-core|prosemirror-[a-z]+|scheduler|@testing-library/[a-z-]+|vitest|@vitest/[a-z-]+|@vitejs/plugin-react)/',
      },
    },
    {
      name: 'main-never-imports-renderer',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: '^renderer/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '^(dist|node_modules|test-results)/' },
  },
};
