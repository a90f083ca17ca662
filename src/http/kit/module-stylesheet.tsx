/**
 * A module's own stylesheet, served like site.css at `/assets/<module>.css` (read once at start-up,
 * strong ETag, one-hour cache) and linked from its pages. Same origin, so the strict CSP accepts it.
 */
import type { FastifyInstance } from 'fastify';
import { serveAsset } from '../assets.ts';

const NAME = /^[a-z][a-z0-9-]*$/;
const RESERVED = new Set(['site']);

/** The address of a module stylesheet. */
export function moduleStylesheetHref(name: string): string {
  return `/assets/${name}.css`;
}

/**
 * Serves `file` (e.g. `new URL('./views/tasks.css', import.meta.url)`) at `/assets/<name>.css`. Throws at
 * start-up on a bad or reserved name, a second registration, or a missing file.
 */
export function registerModuleStylesheet(server: FastifyInstance, name: string, file: URL): string {
  if (!NAME.test(name) || RESERVED.has(name))
    throw new Error(`module stylesheet name “${name}” is not allowed`);
  const href = moduleStylesheetHref(name);
  serveAsset(server, href, file, 'text/css; charset=utf-8');
  return href;
}

/**
 * The `<link>` of module stylesheets, for a layout's head — or for a page's body until its layout takes
 * `styles` (a body-ok link: browsers apply it before first paint of what follows).
 */
export function ModuleStylesheets({ names }: { names?: readonly string[] }) {
  if (!names?.length) return null;
  return (
    <>
      {names.map((n) => (
        <link key={n} rel="stylesheet" href={moduleStylesheetHref(n)} />
      ))}
    </>
  );
}
