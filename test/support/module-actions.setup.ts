/// <reference types="vite/client" />
/**
 * Unit tests run pure code without building the app, so the module list never registers the
 * modules' actions there. This setup file registers every `src/modules/<name>/<name>.actions.ts` the
 * same way (src/modules.ts does it for the app; modules.test.ts checks the two agree).
 */
import { type ActionDeclaration, registerModuleActions } from '../../src/kernel/roles.ts';

const files = import.meta.glob<Record<string, readonly ActionDeclaration[]>>(
  '../../src/modules/*/*.actions.ts',
  {
    eager: true,
  },
);
for (const [path, exports] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
  for (const decls of Object.values(exports)) registerModuleActions(path, decls);
}
