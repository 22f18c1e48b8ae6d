/**
 * npm run audit:site: the trust figures of the built site, printed as a short table and written
 * to bench-results/audit.json so a later run can be compared with this one.
 *
 * - npm audit of the production dependencies (high, critical, total), or null when the registry
 *   cannot be reached;
 * - how many dependencies: production (declared and installed) and development;
 * - the JavaScript each kind of route loads up front (gzip), as `npm run bench` measures it;
 * - a crawl in Chromium of every page reachable from the home page (and the sitemap, if the build
 *   has one): status, console errors and warnings, uncaught exceptions, requests to any other
 *   origin, failed requests and content-security-policy violations, per page;
 * - axe (WCAG 2.0–2.2 A and AA, best practices) on one page of each kind, at 1440×900 and
 *   at 390×844;
 * - seeded fuzzed addresses (status 200 or 404 and no uncaught exception);
 * - the corpus of malformed incident files (tests/unit/malformed-cases.ts): tried, failed clearly.
 *
 * Figures, not assertions: the exit code is 0 whatever they are, but every figure that should be
 * zero and is not is named at the end.
 *
 * Options: --no-build (use the existing build/), --port 4180.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import type { IncidentModel } from '../src/lib/model/schema';
import { AXE_TAGS } from '../tests/e2e/axe-tags';
import { fuzzUrls } from '../tests/e2e/fuzz-urls';
import { auditMalformed } from '../tests/unit/malformed-cases';
import { htmlFiles, jsPerRoute } from './lib/routes';

const args = process.argv.slice(2);
const opt = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const PORT = Number(opt('port') ?? 4180);
const ORIGIN = `http://localhost:${PORT}`;
const BUILD = 'build';
const started = Date.now();
const seconds = (t0: number) => Math.round((Date.now() - t0) / 100) / 10;

function run(cmd: string, cmdArgs: string[]) {
	const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: process.env });
	if (r.status !== 0) {
		console.error(`audit:site: "${cmd} ${cmdArgs.join(' ')}" failed; no figures.`);
		process.exit(r.status ?? 1);
	}
}

/** Runs a command and returns its stdout, whatever its exit code (npm audit exits 1 on findings). */
function output(cmd: string, cmdArgs: string[], timeout = 120_000): string {
	const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
	return r.stdout ?? '';
}

// --- build ---------------------------------------------------------------------------------------
if (!args.includes('--no-build') || !existsSync(join(BUILD, 'index.html'))) {
	console.log('Building the site (without link-preview cards)…');
	// The audit is of the site at the root, whatever the shell says.
	delete process.env.SIGHTLINE_BASE_PATH;
	delete process.env.SIGHTLINE_OUT;
	run('npx', ['vite', 'build', '--logLevel', 'warn']);
}

// --- npm audit and dependencies ------------------------------------------------------------------
interface AuditFigures {
	high: number;
	critical: number;
	total: number;
}
function npmAudit(omitDev: boolean): AuditFigures | null {
	const text = output('npm', ['audit', ...(omitDev ? ['--omit=dev'] : []), '--json'], 60_000);
	try {
		const json = JSON.parse(text) as {
			error?: unknown;
			metadata?: { vulnerabilities?: Record<string, number> };
		};
		const v = json.metadata?.vulnerabilities;
		if (json.error || !v) return null;
		return { high: v.high ?? 0, critical: v.critical ?? 0, total: v.total ?? 0 };
	} catch {
		return null;
	}
}
const auditProd = npmAudit(true);
const auditDev = npmAudit(false);

interface LsNode {
	version?: string;
	dependencies?: Record<string, LsNode>;
}
/** Distinct name@version pairs in an `npm ls --json` tree. */
function installed(omitDev: boolean): number | null {
	const text = output('npm', ['ls', ...(omitDev ? ['--omit=dev'] : []), '--all', '--json']);
	try {
		const seen = new Set<string>();
		const walk = (deps: Record<string, LsNode> | undefined) => {
			for (const [name, node] of Object.entries(deps ?? {})) {
				const key = `${name}@${node.version ?? '?'}`;
				if (seen.has(key)) continue;
				seen.add(key);
				walk(node.dependencies);
			}
		};
		walk((JSON.parse(text) as LsNode).dependencies);
		return seen.size;
	} catch {
		return null;
	}
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
};
const dependencies = {
	production: Object.keys(pkg.dependencies ?? {}).length,
	productionInstalled: installed(true),
	dev: Object.keys(pkg.devDependencies ?? {}).length,
	allInstalled: installed(false)
};

// --- JavaScript per route, malformed files ---------------------------------------------------------
const jsRoutes = jsPerRoute(BUILD);
const malformedRoot = join(tmpdir(), `sightline-audit-malformed-${process.pid}`);
const malformed = auditMalformed(malformedRoot);

// --- the model, for addresses --------------------------------------------------------------------
const modelFile = readdirSync(join(BUILD, 'data')).find(
	(f) => f.endsWith('.json') && !f.endsWith('-events.json')
);
// The published model of the built site: checked at build, so it has the model's shape.
const model = JSON.parse(readFileSync(join(BUILD, 'data', modelFile!), 'utf8')) as IncidentModel;
// Pages that show the most: the event with the most versions (the first key moment if none
// has any), the party in the most events, the first briefing.
const eventIds = model.events.map((e) => e.id);
const partyIds = model.parties.map((p) => p.id);
const stories = model.storylines ?? [];
const mostClaimed = [...model.events].sort(
	(a, b) => (b.claims?.length ?? 0) - (a.claims?.length ?? 0)
)[0];
const EVENT = mostClaimed?.claims?.length
	? mostClaimed.id
	: (model.incident.keyMoments[0] ?? eventIds[0]!);
const eventsOf = new Map<string, number>();
for (const e of model.events)
	for (const p of e.parties) eventsOf.set(p.party, (eventsOf.get(p.party) ?? 0) + 1);
const PARTY = [...partyIds].sort((a, b) => (eventsOf.get(b) ?? 0) - (eventsOf.get(a) ?? 0))[0]!;
const STORY = stories[0]?.id ?? null;
const STEP = STORY ? Math.min(4, stories.find((s) => s.id === STORY)!.steps.length) : 0;

// --- fuzzed addresses ------------------------------------------------------------------------------
// The same seeded list the browser test visits (tests/e2e/fuzz-urls.ts).
const fuzz = { from: 'tests/e2e/fuzz-urls.ts (fast-check, seed 20160917)', urls: fuzzUrls(model) };

// --- browser ---------------------------------------------------------------------------------------
run('node', ['scripts/setup-browser.mjs']);
const executablePath = readFileSync('.playwright-browser', 'utf8').trim();
const serverEnv = { ...process.env };
delete serverEnv.SIGHTLINE_BASE_PATH;
const server = spawn('node', ['scripts/serve.mjs', '--port', String(PORT), '--dir', BUILD], {
	stdio: 'ignore',
	env: serverEnv
});
for (let i = 0; i < 50; i++) {
	try {
		if ((await fetch(ORIGIN + '/')).ok) break;
	} catch {
		await new Promise((r) => setTimeout(r, 100));
	}
}

interface PageRecord {
	/** The address visited; `url` is where the page ended up. */
	path: string;
	url: string;
	status: number | null;
	consoleErrors: string[];
	consoleWarnings: string[];
	exceptions: string[];
	outsideRequests: string[];
	failedRequests: string[];
	csp: string[];
	cspConsole: string[];
}
const blank = (path: string): PageRecord => ({
	path,
	url: ORIGIN + path,
	status: null,
	consoleErrors: [],
	consoleWarnings: [],
	exceptions: [],
	outsideRequests: [],
	failedRequests: [],
	csp: [],
	cspConsole: []
});
const cspCount = (p: PageRecord) => Math.max(p.csp.length, p.cspConsole.length);
/** Chromium reports the document's own 404 as a console error; it is the status, not a fault. */
const DOC_404 = /Failed to load resource: the server responded with a status of 404/;

let browser: Browser | undefined;
let version = '';

/** One tab that records everything about whichever page it is on into `current`. */
async function recorder(viewport: { width: number; height: number }, mobile = false) {
	const context: BrowserContext = await browser!.newContext({
		viewport,
		isMobile: mobile,
		hasTouch: mobile,
		deviceScaleFactor: mobile ? 3 : 1,
		timezoneId: 'Europe/Berlin',
		locale: 'en-GB'
	});
	let current = blank('');
	await context.exposeBinding('__auditCsp', (_source, v: string) => current.csp.push(v));
	// tsx names functions with a helper the page does not have; give the page a harmless one.
	await context.addInitScript({
		content: `window.__name = (f) => f;
document.addEventListener('securitypolicyviolation', (e) => {
	try { window.__auditCsp(e.violatedDirective + ' ' + e.blockedURI); } catch {}
});`
	});
	const page = await context.newPage();
	page.on('console', (m) => {
		const text = m.text();
		if (/content security policy/i.test(text)) current.cspConsole.push(text);
		if (m.type() === 'error') current.consoleErrors.push(text);
		else if (m.type() === 'warning') current.consoleWarnings.push(text);
	});
	page.on('pageerror', (e) => current.exceptions.push(e.message));
	page.on('request', (req) => {
		const u = new URL(req.url());
		if (/^(https?|wss?):$/.test(u.protocol) && u.origin !== ORIGIN)
			current.outsideRequests.push(req.url());
	});
	page.on('response', (res) => {
		if (res.status() < 400) return;
		// The document's own status is recorded as the page's status.
		const req = res.request();
		if (req.isNavigationRequest() && req.frame() === page.mainFrame()) return;
		current.failedRequests.push(`${res.status()} ${res.url()}`);
	});
	page.on('requestfailed', (req) => {
		const err = req.failure()?.errorText ?? '';
		if (!/ERR_ABORTED/.test(err)) current.failedRequests.push(`${err} ${req.url()}`);
	});
	/** The same-origin file an /open?src= address asks for, or null. */
	function srcOf(path: string): string | null {
		const url = new URL(ORIGIN + path);
		const src = url.pathname === '/open' ? url.searchParams.get('src') : null;
		if (src === null) return null;
		try {
			const file = new URL(src.trim(), url);
			return file.origin === ORIGIN ? file.href : null;
		} catch {
			return null;
		}
	}
	/** Loads a page and waits until it is quiet; the record of everything it did. */
	async function visit(path: string): Promise<PageRecord> {
		current = blank(path);
		try {
			const res = await page.goto(ORIGIN + path, { waitUntil: 'load', timeout: 30_000 });
			current.status = res?.status() ?? null;
			current.url = page.url();
			await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
			await page.waitForTimeout(150);
		} catch (e) {
			current.exceptions.push(`navigation: ${(e as Error).message.split('\n')[0]}`);
		}
		const record = current;
		// Chromium logs the document's own 404 as a console error; any other 404 is a failed request.
		if (record.status === 404) {
			const i = record.consoleErrors.findIndex((t) => DOC_404.test(t));
			if (i >= 0) record.consoleErrors.splice(i, 1);
		}
		// So it does for a file that /open?src= names and this site does not have: the page says
		// the server answered 404, as it should (tests/e2e/fuzz-urls.spec.ts allows the same line).
		// The only request such a page makes that can answer 404 is the file's own.
		if (srcOf(path) && record.failedRequests.some((f) => f.startsWith('404 '))) {
			const i = record.consoleErrors.findIndex((t) => DOC_404.test(t));
			if (i >= 0) record.consoleErrors.splice(i, 1);
		}
		return record;
	}
	return { context, page, visit };
}

/**
 * Every link on the page, resolved (an SVG <a>'s .href is not a string, so the attribute is
 * read), in the page as a string: tsx's helpers do not exist there.
 */
const LINKS = `[...document.querySelectorAll('a[href]')].flatMap((a) => {
	try { return [new URL(a.getAttribute('href'), document.baseURI).href]; } catch { return []; }
})`;

// --- crawl -----------------------------------------------------------------------------------------
const crawled = new Map<string, PageRecord>();
const files = new Map<string, number>(); // same-origin links to files, with their status
const NOT_FOUND = ['/events/no-such-event', '/no-such-page'];
const FILE_LINK = /\.(json|csv|png|svg|txt|xml|ico|pdf|woff2?)$/i;
let crawlSeconds = 0;
let fuzzResults: (PageRecord & { failed: boolean })[] = [];
let fuzzSeconds = 0;
interface AxeResult {
	path: string;
	viewport: 'desktop' | 'phone';
	violations: { id: string; impact: string | null | undefined; nodes: number }[];
}
const axe: AxeResult[] = [];
let axeSeconds = 0;
const axeSample: string[] = [
	'/',
	`/events/${EVENT}`,
	`/parties/${PARTY}`,
	'/claims',
	'/sources',
	'/brief',
	...(STORY
		? [
				`/brief/${STORY}`,
				`/brief/${STORY}/${STEP}`,
				`/brief/${STORY}/${STEP}?theme=dark`,
				`/brief/${STORY}/${STEP}/presenter`,
				`/brief/${STORY}/handout`
			]
		: []),
	'/open',
	'/events/no-such-event'
];
const sitemap: string[] = [];
let browserError: string | null = null;

try {
	browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
	});
	version = browser.version();
	const { context, page, visit } = await recorder({ width: 1440, height: 900 });

	// Start from the home page, the sitemap when there is one, and the intended not-found pages.
	if (existsSync(join(BUILD, 'sitemap.xml'))) {
		const xml = readFileSync(join(BUILD, 'sitemap.xml'), 'utf8');
		for (const m of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) sitemap.push(new URL(m[1]!).pathname);
	}
	const queue = ['/', ...sitemap, ...NOT_FOUND];
	const queued = new Set(queue);
	const t0 = Date.now();
	console.log('Crawling every page from the home page…');
	while (queue.length) {
		const path = queue.shift()!;
		const record = await visit(path);
		crawled.set(path, record);
		if (crawled.size % 50 === 0) console.log(`  ${crawled.size} pages, ${seconds(t0)} s`);
		const hrefs = (await page.evaluate(LINKS).catch(() => [])) as string[];
		for (const href of hrefs) {
			let u: URL;
			try {
				u = new URL(href);
			} catch {
				continue;
			}
			if (u.origin !== ORIGIN) continue;
			if (FILE_LINK.test(u.pathname)) {
				if (!files.has(u.pathname)) files.set(u.pathname, 0);
				continue;
			}
			if (!queued.has(u.pathname)) {
				queued.add(u.pathname);
				queue.push(u.pathname);
			}
		}
	}
	for (const path of files.keys()) {
		const res = await context.request.head(ORIGIN + path).catch(() => null);
		files.set(path, res?.status() ?? 0);
	}
	crawlSeconds = seconds(t0);

	// Fuzzed addresses: each answers 200 or 404 and throws nothing.
	const t1 = Date.now();
	console.log(`Visiting ${fuzz.urls.length} fuzzed addresses…`);
	fuzzResults = [];
	for (const url of fuzz.urls) {
		const record = await visit(url);
		const failed = (record.status !== 200 && record.status !== 404) || record.exceptions.length > 0;
		fuzzResults.push({ ...record, failed });
	}
	fuzzSeconds = seconds(t1);
	await context.close();

	// axe on one page of each kind, on a desktop and a phone.
	const t2 = Date.now();
	console.log(`axe on ${axeSample.length} pages at 1440×900 and 390×844…`);
	for (const [viewport, size, mobile] of [
		['desktop', { width: 1440, height: 900 }, false],
		['phone', { width: 390, height: 844 }, true]
	] as const) {
		const { context: c, page, visit: go } = await recorder(size, mobile);
		for (const path of axeSample) {
			await go(path);
			await page
				.locator('[data-ready], h1')
				.first()
				.waitFor({ timeout: 15_000 })
				.catch(() => {});
			const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
			axe.push({
				path,
				viewport,
				violations: violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))
			});
		}
		await c.close();
	}
	axeSeconds = seconds(t2);
} catch (e) {
	browserError = (e as Error).message.split('\n')[0]!;
	console.error(`audit:site: the browser part stopped: ${browserError}`);
} finally {
	await browser?.close().catch(() => {});
	server.kill();
}

// --- figures ---------------------------------------------------------------------------------------
const pages = [...crawled.values()];
const wrongStatus = pages.filter((p) =>
	NOT_FOUND.includes(p.path) ? p.status !== 404 : p.status !== 200
);
const withErrors = pages.filter((p) => p.consoleErrors.length || p.exceptions.length);
const withWarnings = pages.filter((p) => p.consoleWarnings.length);
const outside = [...pages, ...fuzzResults].flatMap((p) => p.outsideRequests);
const failedRequests = pages.flatMap((p) => p.failedRequests.map((f) => `${p.path}: ${f}`));
const csp = [...pages, ...fuzzResults].reduce((n, p) => n + cspCount(p), 0);
const brokenFiles = [...files].filter(([, status]) => status !== 200);
const built = htmlFiles(BUILD)
	.map((f) => '/' + relative(BUILD, f).replace(/(index)?\.html$/, ''))
	.map((p) => (p !== '/' ? p.replace(/\/$/, '') : p))
	.filter((p) => p !== '/404' && p !== '/og');
const unreached = built.filter((p) => !crawled.has(p));
const axeCount = (v: 'desktop' | 'phone') =>
	axe.filter((a) => a.viewport === v).reduce((n, a) => n + a.violations.length, 0);
const fuzzFailed = fuzzResults.filter((f) => f.failed);
const fuzzConsole = fuzzResults.filter((f) => f.consoleErrors.length);
const jsMax = Math.max(...jsRoutes.map((r) => r['JS gzip KB']));

type Row = { figure: string; value: string; shouldBeZero?: number | null };
const rows: Row[] = [
	{ figure: 'routes crawled', value: `${pages.length} (${built.length} built pages)` },
	{
		figure: 'pages with a wrong status',
		value: String(wrongStatus.length),
		shouldBeZero: wrongStatus.length
	},
	{
		figure: 'built pages no link reaches',
		value: String(unreached.length),
		shouldBeZero: unreached.length
	},
	{
		figure: 'pages with console errors',
		value: String(withErrors.length),
		shouldBeZero: withErrors.length
	},
	{
		figure: 'pages with console warnings',
		value: String(withWarnings.length),
		shouldBeZero: withWarnings.length
	},
	{
		figure: 'failed requests',
		value: String(failedRequests.length),
		shouldBeZero: failedRequests.length
	},
	{
		figure: 'linked files not found',
		value: `${brokenFiles.length} of ${files.size}`,
		shouldBeZero: brokenFiles.length
	},
	{
		figure: 'requests outside the origin',
		value: String(outside.length),
		shouldBeZero: outside.length
	},
	{ figure: 'CSP violations', value: String(csp), shouldBeZero: csp },
	{
		figure: 'axe violations desktop / phone',
		value: `${axeCount('desktop')} / ${axeCount('phone')} (${axeSample.length} pages each)`,
		shouldBeZero: axeCount('desktop') + axeCount('phone')
	},
	{
		figure: 'fuzzed URLs tried / failed',
		value: `${fuzzResults.length} / ${fuzzFailed.length}`,
		shouldBeZero: fuzzFailed.length
	},
	{
		figure: 'fuzzed URLs with console errors',
		value: String(fuzzConsole.length),
		shouldBeZero: fuzzConsole.length
	},
	{
		figure: 'malformed files tried / failed clearly',
		value: `${malformed.tried} / ${malformed.failedClearly}`,
		shouldBeZero: malformed.tried - malformed.failedClearly
	},
	{
		figure: 'npm audit (production) high / critical',
		value: auditProd
			? `${auditProd.high} / ${auditProd.critical} (total ${auditProd.total})`
			: 'could not reach the registry',
		shouldBeZero: auditProd ? auditProd.high + auditProd.critical : null
	},
	{
		figure: 'npm audit (development) high / critical',
		value: auditDev
			? `${auditDev.high} / ${auditDev.critical} (total ${auditDev.total})`
			: 'could not reach the registry'
	},
	{
		figure: 'dependencies: production / dev',
		value:
			`${dependencies.production} (installed ${dependencies.productionInstalled ?? '?'}) / ` +
			`${dependencies.dev} (installed, all: ${dependencies.allInstalled ?? '?'})`
	},
	{
		figure: 'JS per route, gzip KB',
		value: jsRoutes.map((r) => `${r.route.split(' ')[0]} ${r['JS gzip KB']}`).join(', ')
	}
];

// --- report ----------------------------------------------------------------------------------------
console.log(`\nSightline trust audit, Chromium ${version || '(not run)'}, Node ${process.version}`);
if (!auditProd) console.log('npm audit: could not reach the registry');
if (browserError) console.log(`The browser part did not finish: ${browserError}`);
const width = Math.max(...rows.map((r) => r.figure.length));
for (const r of rows) {
	const flag = r.shouldBeZero ? '  ← should be 0' : '';
	console.log(`  ${r.figure.padEnd(width)}  ${r.value}${flag}`);
}
const list = (title: string, items: string[], max = 12) => {
	if (!items.length) return;
	console.log(`\n${title} (${items.length}):`);
	for (const item of items.slice(0, max)) console.log(`  ${item.split('\n')[0]!.slice(0, 300)}`);
	if (items.length > max)
		console.log(`  … and ${items.length - max} more in bench-results/audit.json`);
};
list(
	'Pages with a wrong status',
	wrongStatus.map((p) => `${p.status} ${p.path}`)
);
list('Built pages no link reaches', unreached);
list(
	'Console errors and exceptions',
	withErrors.flatMap((p) => [...p.exceptions, ...p.consoleErrors].map((e) => `${p.path}: ${e}`))
);
list(
	'Console warnings',
	withWarnings.flatMap((p) => p.consoleWarnings.map((w) => `${p.path}: ${w}`))
);
list('Failed requests', failedRequests);
list(
	'Linked files not found',
	brokenFiles.map(([p, s]) => `${s} ${p}`)
);
list('Requests outside the origin', outside);
list(
	'CSP violations',
	[...pages, ...fuzzResults].flatMap((p) =>
		[...p.csp, ...p.cspConsole].map((c) => `${p.path}: ${c}`)
	)
);
list(
	'axe violations',
	axe.flatMap((a) =>
		a.violations.map((v) => `${a.viewport} ${a.path}: ${v.id} (${v.impact}, ${v.nodes} nodes)`)
	),
	30
);
list(
	'Fuzzed URLs that failed',
	fuzzFailed.map((f) => `${f.status} ${f.path}: ${f.exceptions.join('; ')}`)
);
list(
	'Fuzzed URLs with console errors',
	fuzzConsole.map((f) => `${f.path}: ${f.consoleErrors.join('; ')}`)
);
const zeroes = rows.filter((r) => r.shouldBeZero);
console.log(
	zeroes.length
		? `\nNot zero and should be: ${zeroes.map((r) => r.figure).join('; ')}.`
		: '\nEvery figure that should be zero is zero.'
);
const total = seconds(started);
console.log(
	`Took ${total} s (crawl ${crawlSeconds} s, fuzz ${fuzzSeconds} s, axe ${axeSeconds} s; JS per route max ${jsMax} KB).`
);

mkdirSync('bench-results', { recursive: true });
const strip = (p: PageRecord) =>
	Object.fromEntries(
		Object.entries(p).filter(([, v]) => !(Array.isArray(v) && v.length === 0))
	) as Partial<PageRecord>;
writeFileSync(
	'bench-results/audit.json',
	JSON.stringify(
		{
			date: new Date().toISOString(),
			chromium: version || null,
			node: process.version,
			seconds: total,
			browserError,
			npmAudit: { production: auditProd, development: auditDev },
			dependencies,
			jsPerRoute: jsRoutes,
			malformed,
			crawl: {
				pages: pages.length,
				builtPages: built.length,
				sitemap: sitemap.length || null,
				wrongStatus: wrongStatus.map((p) => ({ path: p.path, status: p.status })),
				unreached,
				pagesWithConsoleErrors: withErrors.length,
				pagesWithConsoleWarnings: withWarnings.length,
				outsideRequests: outside,
				failedRequests,
				cspViolations: csp,
				files: Object.fromEntries(files),
				problems: pages.filter((p) => Object.keys(strip(p)).length > 3).map(strip),
				statuses: Object.fromEntries(pages.map((p) => [p.path, p.status]))
			},
			axe,
			fuzz: {
				from: fuzz.from,
				tried: fuzzResults.length,
				failed: fuzzFailed.length,
				withConsoleErrors: fuzzConsole.length,
				results: fuzzResults.map((f) => ({ ...strip(f), failed: f.failed }))
			}
		},
		null,
		2
	) + '\n'
);
console.log('Wrote bench-results/audit.json');
process.exit(0);
