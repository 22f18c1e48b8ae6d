/**
 * npm run bench: measures the built site in real Chromium, beside a plain canvas page.
 *
 * Opening: seeded synthetic incidents of 1,000, 10,000 and 100,000 events, each written as a
 * one-file JSON incident and as the site's events CSV, are opened through /open?src= in a fresh
 * browser context (nothing cached), and timed from navigation to the first complete render (every
 * event drawn in the workspace; `sightline:first-render`), to the first look before it (every
 * event drawn from its checked times while the records are checked against each other;
 * `sightline:first-look`) and to every check done (`sightline:complete`). The
 * same JSON is opened by the plain canvas page (scripts/bench/plain-canvas: JSON.parse on the main
 * thread, d3-scale, one canvas, no checks at all), timed to its own first render. Each is run
 * --runs times (default 3), interleaved, and reported as the median and the range.
 *
 * Zoom and pan: in each run, once opened, 60 wheel steps (30 in, 30 out) and a 60-step drag are
 * sent through the browser's own input pipeline, one every 16.7 ms, and the time between
 * consecutive frames is recorded while they arrive (its p95 over the run); each step that reached
 * the page is checked to have changed the visible window. Also 100,000 events among 1,000 parties
 * with a lane each (lanes by party), the graph at 2,000 parties, the bundled incident's `/` and
 * `/events/<id>` loaded with an empty cache (paints, total blocking time, the longest task, bytes),
 * and the JavaScript each route loads.
 *
 * Prints tables and writes bench-results/bench.json. Figures, never assertions.
 *
 * Options: --sizes 1000,10000 (default 1000,10000,100000), --runs N (default 3), --party-lanes
 * N (events in the lanes-by-party case, default 100000; 0 leaves it out), --only
 * open,pages,graph (default all), --no-build (measure build/ as it stands).
 *
 * --only history measures the history engine instead (scripts/bench-history.ts: --commits,
 * --events, --git-commits, --git-events), in Node, and writes bench-results/bench-history.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { build as viteBuild } from 'vite';
import { synthIncident } from '../src/lib/bench/synth';
import { eventsCsv } from '../src/lib/model/export';
import type { IncidentModel } from '../src/lib/model/schema';
import {
	fmtSpread,
	frames,
	launch,
	newPage as pageIn,
	option,
	pageLoad,
	realInput,
	round,
	serve,
	spread,
	stats,
	type PageLoad,
	type RealInput,
	type WindowProbe
} from './lib/measure';
import { gz, jsPerRoute } from './lib/routes';

const args = process.argv.slice(2);
const opt = (name: string) => option(args, name);
const ONLY = new Set((opt('only') ?? 'open,pages,graph').split(','));
// The history engine, in Node, without the site or a browser (issue 22): only when asked for.
if (ONLY.has('history') && ONLY.size === 1) {
	const { benchHistory } = await import('./bench-history');
	const history = benchHistory(args);
	mkdirSync('bench-results', { recursive: true });
	const file = 'bench-results/bench-history.json';
	writeFileSync(
		file,
		JSON.stringify({ date: new Date().toISOString(), ...history }, null, 2) + '\n'
	);
	console.log(`Wrote ${file}`);
	process.exit(0);
}
const SIZES = ONLY.has('open') ? (opt('sizes') ?? '1000,10000,100000').split(',').map(Number) : [];
const PARTY_LANES = ONLY.has('open') ? Number(opt('party-lanes') ?? 100_000) : 0;
const LANE_PARTIES = 1000;
const RUNS = Math.max(1, Number(opt('runs') ?? 3) || 3);
const PORT = 4179;
const ORIGIN = `http://localhost:${PORT}`;
const BUILD = 'build';
const BENCH = join(BUILD, 'bench');

function run(cmd: string, cmdArgs: string[]) {
	const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: process.env });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!args.includes('--no-build') || !existsSync(join(BUILD, 'index.html'))) {
	console.log('Building the site (without link-preview cards)…');
	run('npx', ['vite', 'build', '--logLevel', 'warn']);
}
// The compressed copies a static host would serve, as `npm run build` writes them (not of the
// synthetic files below, which are written afresh on every run).
rmSync(BENCH, { recursive: true, force: true });
run('node', ['scripts/precompress.mjs', '--dir', BUILD]);
run('node', ['scripts/setup-browser.mjs']);

// --- the plain canvas page and the synthetic incidents -------------------------------------
mkdirSync(BENCH, { recursive: true });
await viteBuild({
	configFile: false,
	root: 'scripts/bench/plain-canvas',
	base: './',
	logLevel: 'warn',
	build: { outDir: join(process.cwd(), BENCH, 'plain'), emptyOutDir: true, target: 'es2022' }
});

function write(name: string, text: string) {
	writeFileSync(join(BENCH, name), text);
	return text.length / 1024 / 1024;
}
interface Size {
	events: number;
	json: string;
	csv: string;
	jsonMb: number;
	csvMb: number;
}
const sizes: Size[] = SIZES.map((events) => {
	const model = synthIncident({ events });
	const json = `synthetic-${events}.json`;
	const csv = `synthetic-${events}.csv`;
	return {
		events,
		json,
		csv,
		jsonMb: write(json, JSON.stringify(model)),
		csvMb: write(csv, eventsCsv(model as IncidentModel))
	};
});
const laneFile = `synthetic-${PARTY_LANES}-p${LANE_PARTIES}.json`;
if (PARTY_LANES > 0)
	write(laneFile, JSON.stringify(synthIncident({ events: PARTY_LANES, parties: LANE_PARTIES })));
if (ONLY.has('graph'))
	write(
		'synthetic-graph.json',
		JSON.stringify(synthIncident({ events: 1000, parties: 2000, relations: 5000 }))
	);

// --- server and browser ---------------------------------------------------------------------
const server = await serve(PORT, BUILD);
const browser = await launch();
const version = browser.version();
const newPage = () => pageIn(browser);

async function heapMb(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	await cdp.detach();
	return usedSize / 1024 / 1024;
}
const markTime = (page: Page, name: string) =>
	page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN, name);
const waitMark = (page: Page, name: string) =>
	page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, name, {
		timeout: 300_000,
		polling: 20
	});

type Kind = 'json' | 'csv' | 'plain';
interface OpenRun {
	/** Navigation to the first complete render, ms. */
	render: number;
	/**
	 * Navigation to the first picture of every event: the first look drawn while the records
	 * are checked against each other, or the render where none came first, ms.
	 */
	look: number;
	/** Navigation to every check done and the whole model in the page, ms. */
	complete: number;
	zoom?: RealInput;
	pan?: RealInput;
	heapMb?: number;
	domNodes?: number;
	errors: string[];
}

/**
 * Opens a file in a fresh context and times it; with `input`, then zooms and pans it with real
 * input once every check is done (and 300 ms more, as a person would at the earliest).
 */
async function openOnce(kind: Kind, file: string, input: boolean, query = ''): Promise<OpenRun> {
	const { context, page } = await newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const plain = kind === 'plain';
	await page.goto(
		plain
			? `${ORIGIN}/bench/plain/?src=/bench/${file}`
			: `${ORIGIN}/open?src=/bench/${file}${query}`
	);
	await waitMark(page, plain ? 'plain:first-render' : 'sightline:first-render');
	const render = await markTime(page, plain ? 'plain:first-render' : 'sightline:first-render');
	if (!plain) await waitMark(page, 'sightline:complete');
	const complete = plain ? render : await markTime(page, 'sightline:complete');
	const shown = plain ? NaN : await markTime(page, 'sightline:first-look');
	const look = Number.isFinite(shown) ? Math.min(shown, render) : render;
	const out: OpenRun = { render, look, complete, errors };
	if (input) {
		await page.waitForTimeout(300);
		const probe: WindowProbe = plain ? 'plain' : 'sightline';
		const target = plain ? 'canvas.plot' : '.timeline .plot';
		out.zoom = await realInput(page, 'wheel', target, 60, probe);
		await page.waitForTimeout(300);
		out.pan = await realInput(page, 'pan', target, 60, probe);
		if (!plain) {
			out.heapMb = await heapMb(page);
			out.domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
		}
	}
	if (errors.length) console.warn(`Errors in the page (${kind}, ${file}):`, errors);
	await context.close();
	return out;
}

const opens = new Map<string, OpenRun[]>();
const record = (key: string, r: OpenRun) => opens.set(key, [...(opens.get(key) ?? []), r]);
for (let r = 0; r < RUNS; r++) {
	for (const s of sizes) {
		// Each run starts with another of the three, so none always goes first.
		const kinds: Kind[] = ['plain', 'json', 'csv'];
		for (let k = 0; k < r % 3; k++) kinds.push(kinds.shift()!);
		for (const kind of kinds)
			record(
				`${s.events}:${kind}`,
				await openOnce(kind, kind === 'csv' ? s.csv : s.json, kind !== 'csv')
			);
	}
	if (PARTY_LANES > 0) record('lanes', await openOnce('json', laneFile, true, '&lanes=party'));
	process.stdout.write(`run ${r + 1} of ${RUNS} done\n`);
}

const p95 = (i: RealInput | undefined) => (i ? stats(i.intervals).p95 : NaN);
const steps = (runs: OpenRun[], which: 'zoom' | 'pan') =>
	runs
		.map((r) => r[which])
		.filter((i): i is RealInput => !!i)
		.map((i) => `${i.changed}/${i.delivered}/${i.sent}`)
		.join(' ');

interface OpenRow {
	events: number;
	'JSON MB': number;
	'CSV MB': number;
	'plain canvas s': string;
	'Sightline JSON s': string;
	'Sightline CSV s': string;
	'JSON first look s': string;
	'CSV first look s': string;
	'JSON all checked s': string;
	'CSV all checked s': string;
}
const openRows: OpenRow[] = sizes.map((s) => {
	/** One kind of page's runs at this size, as seconds with their spread. */
	const secs = (kind: Kind, at: 'render' | 'look' | 'complete') =>
		fmtSpread(
			(opens.get(`${s.events}:${kind}`) ?? []).map((r) => r[at]),
			1000,
			2
		);
	return {
		events: s.events,
		'JSON MB': round(s.jsonMb),
		'CSV MB': round(s.csvMb),
		'plain canvas s': secs('plain', 'render'),
		'Sightline JSON s': secs('json', 'render'),
		'Sightline CSV s': secs('csv', 'render'),
		'JSON first look s': secs('json', 'look'),
		'CSV first look s': secs('csv', 'look'),
		'JSON all checked s': secs('json', 'complete'),
		'CSV all checked s': secs('csv', 'complete')
	};
});
interface FrameRow {
	events: string;
	'plain zoom p95 ms': string;
	'Sightline zoom p95 ms': string;
	'plain pan p95 ms': string;
	'Sightline pan p95 ms': string;
	'zoom steps changed/arrived/sent': string;
	'pan steps changed/arrived/sent': string;
	'heap MB': string;
	'DOM nodes': string;
}
const frameRow = (label: string, json: OpenRun[], plain: OpenRun[]): FrameRow => ({
	events: label,
	'plain zoom p95 ms': fmtSpread(
		plain.map((r) => p95(r.zoom)),
		1,
		1
	),
	'Sightline zoom p95 ms': fmtSpread(
		json.map((r) => p95(r.zoom)),
		1,
		1
	),
	'plain pan p95 ms': fmtSpread(
		plain.map((r) => p95(r.pan)),
		1,
		1
	),
	'Sightline pan p95 ms': fmtSpread(
		json.map((r) => p95(r.pan)),
		1,
		1
	),
	'zoom steps changed/arrived/sent': steps(json, 'zoom'),
	'pan steps changed/arrived/sent': steps(json, 'pan'),
	'heap MB': fmtSpread(json.map((r) => r.heapMb ?? NaN)),
	'DOM nodes': fmtSpread(json.map((r) => r.domNodes ?? NaN))
});
const frameRows: FrameRow[] = sizes.map((s) =>
	frameRow(
		s.events.toLocaleString('en-GB'),
		opens.get(`${s.events}:json`) ?? [],
		opens.get(`${s.events}:plain`) ?? []
	)
);
if (PARTY_LANES > 0)
	frameRows.push(
		frameRow(
			`${PARTY_LANES.toLocaleString('en-GB')}, lanes by party (${LANE_PARTIES})`,
			opens.get('lanes') ?? [],
			[]
		)
	);

// --- the bundled incident's pages, loaded with an empty cache ------------------------------
const pages: { page: string; runs: PageLoad[] }[] = [];
if (ONLY.has('pages')) {
	const eventPage = readdirSync(join(BUILD, 'events'))
		.find((f) => f.endsWith('.html'))!
		.replace(/\.html$/, '');
	for (const path of ['/', `/events/${eventPage}`]) pages.push({ page: path, runs: [] });
	for (let r = 0; r < RUNS; r++)
		for (const p of pages) p.runs.push(await pageLoad(browser, `${ORIGIN}${p.page}`));
}
const pageRows = pages.map(({ page, runs }) => ({
	page,
	'FCP ms': fmtSpread(runs.map((r) => r.fcp)),
	'LCP ms': fmtSpread(runs.map((r) => r.lcp)),
	'scripts start ms': fmtSpread(runs.map((r) => r.scripts)),
	'TBT ms': fmtSpread(runs.map((r) => r.tbt)),
	'longest task ms': fmtSpread(runs.map((r) => r.longestTask)),
	'quiet at ms': fmtSpread(runs.map((r) => r.quiet)),
	'transferred KB': fmtSpread(runs.map((r) => r.transferKB))
}));

// --- graph -------------------------------------------------------------------------------------
let graph: Record<string, number> | null = null;
if (ONLY.has('graph')) {
	const { context, page } = await newPage();
	await page.goto(`${ORIGIN}/open?src=/bench/synthetic-graph.json&view=graph`);
	await waitMark(page, 'sightline:graph-layout');
	const layoutMs = await page.evaluate(
		() => performance.getEntriesByName('sightline:graph-layout')[0]!.duration
	);
	await page.waitForTimeout(300);
	const zoom: number[] = [];
	for (let r = 0; r < RUNS; r++) zoom.push(...(await frames(page, 'wheel', '.graph-plot', 30)));
	const z = stats(zoom);
	graph = {
		'layout ms': round(layoutMs, 0),
		'zoom median ms (main thread)': round(z.median),
		'zoom p95 ms (main thread)': round(z.p95),
		'DOM nodes': await page.evaluate(() => document.getElementsByTagName('*').length)
	};
	await context.close();
}
await browser.close();
server.kill();

// --- shipped JavaScript per route ---------------------------------------------------------------
const routes = jsPerRoute(BUILD);
const lazy = readdirSync(join(BUILD, '_app/immutable/workers'))
	.filter((f) => f.endsWith('.js')) // not the compressed copies beside them
	.map((f) => ({
		worker: f.replace(/-[\w-]+\.js$/, ''),
		'gzip KB': round(gz(join(BUILD, '_app/immutable/workers', f)) / 1024)
	}));

// --- report ----------------------------------------------------------------------------------------
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`;
console.log(`\nSightline in Chromium ${version}, ${machine}, Node ${process.version}`);
console.log(`Medians of ${RUNS} runs, with their range in brackets.`);
if (openRows.length) {
	console.log(
		'Opening, from navigation: to the first complete render, to the first look at every event while the rest is checked, and to every check done (s):'
	);
	console.table(openRows);
	console.log(
		'Zoom and pan with real input at 1440×900: p95 time between frames while 60 steps arrived, one every 16.7 ms:'
	);
	console.table(frameRows);
}
if (pageRows.length) {
	console.log("The bundled incident's pages, loaded with an empty cache:");
	console.table(pageRows);
}
if (graph) {
	console.log('Graph, 2,000 parties and 5,000 relations (layout in a worker):');
	console.table([graph]);
}
console.log('JavaScript each route loads up front (gzip):');
console.table(routes);
console.log('Workers, loaded only when used (gzip):');
console.table(lazy);

mkdirSync('bench-results', { recursive: true });
const summary = (xs: number[]) => spread(xs);
const out = {
	date: new Date().toISOString(),
	chromium: version,
	node: process.version,
	machine,
	runs: RUNS,
	open: sizes.map((s) => ({
		events: s.events,
		jsonMb: s.jsonMb,
		csvMb: s.csvMb,
		...Object.fromEntries(
			(['plain', 'json', 'csv'] as Kind[]).map((kind) => {
				const runs = opens.get(`${s.events}:${kind}`) ?? [];
				return [
					kind,
					{
						renderMs: summary(runs.map((r) => r.render)),
						firstLookMs: summary(runs.map((r) => r.look)),
						completeMs: summary(runs.map((r) => r.complete)),
						zoomP95Ms: summary(runs.map((r) => p95(r.zoom))),
						panP95Ms: summary(runs.map((r) => p95(r.pan))),
						runs
					}
				];
			})
		)
	})),
	partyLanes: PARTY_LANES > 0 ? { events: PARTY_LANES, runs: opens.get('lanes') } : null,
	pages,
	graph,
	routes,
	workers: lazy
};
const outFile =
	ONLY.size === 3 && SIZES.length ? 'bench-results/bench.json' : 'bench-results/bench-part.json';
writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
console.log(`Wrote ${outFile}`);
