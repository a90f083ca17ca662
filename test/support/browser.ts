/**
 * Browser helpers for the e2e journeys: the system Chromium (never a downloaded one), pages with
 * axe-core injected despite the site's strict CSP, and a log-in shortcut that uses the real form.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { type Running, startServer } from '../../src/main.ts';

const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** WCAG 2.1 level A and AA rules: the conformance target of GB/T 37668-2019 and the site. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let axeSource: string | undefined;
function axeScript(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh context (its own cookies) and page. bypassCSP lets the tests inject axe-core; the
 * application itself never needs inline scripts.
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    bypassCSP: true,
    locale: 'zh-CN',
    acceptDownloads: true,
    ...options,
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Human-readable list of axe violations, one block per rule with the offending selectors. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes
        .slice(0, 10)
        .map(
          (n) => `    - ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' | ')}`,
        )
        .join('\n');
      const more = v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : '';
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets}${more}`;
    })
    .join('\n');
}

/**
 * Runs axe-core (WCAG 2.1 A + AA) on the current document and throws, listing every violation
 * (rule id, impact, help text, target selectors), when there is any. Needs a context with
 * JavaScript enabled (axe runs in the page).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const url = page.url();
  const loaded = () => page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!(await loaded())) await page.addScriptTag({ content: axeScript() });
  if (!(await loaded())) {
    throw new Error(`axe-core could not be injected into ${url} (is JavaScript disabled in this context?)`);
  }
  const violations = (await page.evaluate(
    (tags) =>
      (
        globalThis as unknown as {
          axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> };
        }
      ).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => r.violations),
    AXE_TAGS,
  )) as AxeViolation[];
  if (violations.length) {
    throw new Error(
      `axe found ${violations.length} accessibility violation(s) on ${url}:\n${formatViolations(violations)}`,
    );
  }
}

/** Fills and submits the log-in form; resolves once the page after the POST has loaded. */
export async function submitLogin(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  const response = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login',
  );
  await page.getByRole('button', { name: '登录' }).click();
  const status = (await response).status();
  await page.waitForLoadState('load');
  return status;
}

/** Logs in through the real form and waits for the back-office page after the redirect. */
export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  const status = await submitLogin(page, baseUrl, username, password);
  if (status !== 303) {
    const why = await page
      .locator('.error-summary')
      .textContent()
      .catch(() => null);
    throw new Error(`log-in as ${username} failed (HTTP ${status}): ${why ?? page.url()}`);
  }
  await page.waitForURL((u) => u.pathname !== '/login');
}

/** A real server on a fresh SQLite file with the demo data, as the browser journeys use it. */
export interface TestSite {
  running: Running;
  stop(): Promise<void>;
}

/**
 * Starts `gongkai serve` in-process on a free port of 127.0.0.1. Every journey logs in from the same
 * address, so the per-IP limits are raised: they are not what these tests are about.
 */
export async function startTestSite(
  name: string,
  /** Demo parts to leave out (`{ policies: false }`): the site is then seeded here instead of at start. */
  demo?: Record<string, boolean>,
): Promise<TestSite> {
  const dir = mkdtempSync(path.join(tmpdir(), `gk-e2e-${name}-`));
  const running = await startServer(
    {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dir,
      DATABASE_URL: `sqlite:${path.join(dir, 'e2e.sqlite')}`,
      SESSION_SECRET: 'e2e-secret-e2e-secret-e2e-secret-012345',
      DEMO_MODE: '1',
      LOG_LEVEL: 'silent',
      LOGIN_MAX_PER_IP_PER_MINUTE: '1000',
      REQUEST_FORM_MAX_PER_IP_PER_MINUTE: '1000',
      REQUEST_LOOKUP_MAX_PER_IP_PER_MINUTE: '1000',
      ...(demo ? { SEED_DEMO_ON_START: '0' } : {}),
    },
    { logger: false },
  );
  if (demo) await seedDemo(running.app, () => {}, demo);
  return {
    running,
    stop: async () => {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Presses the button named `name` by keyboard (focus, Enter) and waits for the next document's load,
 * registered before the press so a fast answer is not missed.
 */
export async function pressButton(page: Page, name: string): Promise<void> {
  const loaded = page.waitForEvent('load');
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
  await loaded;
}

/**
 * Clicks the submit button `button` (in `scope`, default the page) and waits for the page after the POST
 * and its redirect; returns the POST's status (303 after a redirect, 422 when the form came back).
 */
export async function submitForm(
  page: Page,
  button: string,
  scope: Pick<Page, 'getByRole'> = page,
): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    scope.getByRole('button', { name: button, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  if (response.status() === 303) await page.waitForURL((u) => u.href !== response.url());
  return response.status();
}
