/**
 * Module boundaries, checked by `npm run depcruise` (part of `npm run test:all`). See ARCHITECTURE.md
 * "Boundaries". Type-only imports count: a type dependency is still a dependency.
 */
const TESTS = '\\.test\\.tsx?$';
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make modules impossible to build, test or remove one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-composition-root',
      severity: 'error',
      comment:
        'Only the entry points (main.ts, cli.ts), the benchmarks and the tests build the app; modules, ' +
        'lib, http, kernel, platform and db receive what they need.',
      from: { path: '^src/(modules|lib|http|kernel|platform|db)/', pathNot: TESTS },
      to: { path: '^src/(app|modules|main|cli)\\.ts$' },
    },
    {
      name: 'no-other-module-repository',
      severity: 'error',
      comment: 'A module reads another module through its services and public read functions, never its SQL.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.*\\.repository\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-other-module-routes',
      severity: 'error',
      comment: "Another module's HTTP handlers are not an interface.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.*\\.routes\\.tsx?$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-other-module-views',
      severity: 'error',
      comment:
        "Another module's views are private; components a module lets others render live in its *.components.tsx, shared ones in src/http/views.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/views/', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-other-module-manifest',
      severity: 'error',
      comment: 'Manifests are read only by the module list; a module depends on interfaces, not on wiring.',
      from: { path: '^src/modules/([^/]+)/', pathNot: TESTS },
      to: { path: '^src/modules/([^/]+)/[^/]+\\.module\\.tsx?$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'lib-is-generic',
      severity: 'error',
      comment: 'lib/ has no domain knowledge: it imports no module, no HTTP code and no kernel.',
      from: { path: '^src/lib/' },
      to: { path: '^src/(modules|http|kernel|platform)/|^src/(app|modules|main|cli)\\.ts$' },
    },
    {
      name: 'kernel-is-small',
      severity: 'error',
      comment: 'Roles and permissions (the kernel) depend on lib only.',
      from: { path: '^src/kernel/' },
      to: { path: '^src/(modules|http|platform|db)/' },
    },
    {
      name: 'http-uses-ports',
      severity: 'error',
      comment: 'The HTTP layer depends on small ports (session resolution, page cache), not on modules.',
      from: { path: '^src/http/', pathNot: TESTS },
      to: { path: '^src/modules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|data|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
