/**
 * npm run bench: measures the built site in real Chromium on seeded synthetic incidents.
 *
 * For 1,000, 10,000 and 100,000 events it opens the incident through /open?src= and reports
 * the time to open it (read and check) and to first complete render, the median and p95 main
 * thread time per frame over 60 wheel-zoom steps and 60 drag-pan steps (each run three times,
 * the p95 taken over all 180 frames: one run's p95 is its third-slowest frame, which a single
 * stray pause on a shared 2-core machine decides), the JS heap and the DOM
 * node count; and the same for 100,000 events among 1,000 parties in a lane each (lanes by
 * party: a tall timeline of which a screenful is on show). Then the graph layout time at 2,000
 * parties and 5,000 relations, and the gzip size
 * of each route's JavaScript. Prints a table and writes bench-results/bench.json, so a later run
 * can be compared with this one. Figures, never assertions.
 *
 * Options: --sizes 1000,10000 (default 1000,10000,100000), --party-lanes N (events in the
 * lanes-by-party case, default 100000; 0 leaves it out), --no-build (measure build/ as it
 * stands: after trying a change, rebuild first), --only graph (skip the timeline sizes and
 * measure the graph alone), --rounds N (runs of the 60 steps, default 3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { synthIncident } from '../src/lib/bench/synth';
import {
	frames,
	launch,
	newPage as pageIn,
	openRendered,
	option,
	round,
	serve,
	stats
} from './lib/measure';
import { gz, jsPerRoute } from './lib/routes';

const args = process.argv.slice(2);
const opt = (name: string) => option(args, name);
const SIZES =
	opt('only') === 'graph' ? [] : (opt('sizes') ?? '1000,10000,100000').split(',').map(Number);
const PARTY_LANES = opt('only') === 'graph' ? 0 : Number(opt('party-lanes') ?? 100_000);
const LANE_PARTIES = 1000;
const ROUNDS = Math.max(1, Number(opt('rounds') ?? 3) || 3);
const PORT = 4179;
const ORIGIN = `http://localhost:${PORT}`;
const BUILD = 'build';

function run(cmd: string, cmdArgs: string[]) {
	const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: process.env });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!args.includes('--no-build') || !existsSync(join(BUILD, 'index.html'))) {
	console.log('Building the site (without link-preview cards)…');
	run('npx', ['vite', 'build', '--logLevel', 'warn']);
}
run('node', ['scripts/setup-browser.mjs']);

// --- synthetic incidents ------------------------------------------------------------------
mkdirSync(join(BUILD, 'bench'), { recursive: true });
function write(name: string, model: unknown) {
	const text = JSON.stringify(model);
	writeFileSync(join(BUILD, 'bench', name), text);
	return text.length;
}
interface Case {
	events: number;
	/** How the timeline's lanes are grouped, and how many parties the incident has. */
	lanes: 'side' | 'party';
	parties: number;
	name: string;
	mb: number;
}
const cases: Case[] = [];
function addCase(events: number, lanes: Case['lanes'], parties: number) {
	const name =
		lanes === 'side' ? `synthetic-${events}.json` : `synthetic-${events}-p${parties}.json`;
	const mb = write(name, synthIncident({ events, parties })) / 1024 / 1024;
	cases.push({ events, lanes, parties, name, mb });
}
for (const n of SIZES) addCase(n, 'side', 12);
if (PARTY_LANES > 0) addCase(PARTY_LANES, 'party', LANE_PARTIES);
write('synthetic-graph.json', synthIncident({ events: 1000, parties: 2000, relations: 5000 }));

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

interface TimelineRow {
	events: number;
	lanes: string;
	'file MB': number;
	'open s': number;
	'first render ms': number;
	/** From the first render until the zoom levels around it were warmed up (see warm.ts). */
	'warm-up ms': number | string;
	'zoom median ms': number;
	'zoom p95 ms': number;
	'pan median ms': number;
	'pan p95 ms': number;
	'heap MB': number;
	'DOM nodes': number;
	'DOM nodes max': number;
}
const timeline: TimelineRow[] = [];

for (const c of cases) {
	const n = c.events;
	const { context, page } = await newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await openRendered(
		page,
		`${ORIGIN}/open?src=/bench/${c.name}${c.lanes === 'side' ? '' : `&lanes=${c.lanes}`}`
	);
	const checked = await markTime(page, 'sightline:checked');
	const rendered = await markTime(page, 'sightline:first-render');
	await page.waitForTimeout(300);
	// Whether warming up had finished when the first zoom step came, 300 ms after the render.
	const warmed = await markTime(page, 'sightline:warm');
	const nodes: number[] = [];
	const count = () => page.evaluate(() => document.getElementsByTagName('*').length);
	nodes.push(await count());
	const zoom: number[] = [];
	const pan: number[] = [];
	for (let r = 0; r < ROUNDS; r++) {
		zoom.push(...(await frames(page, 'wheel', '.timeline .plot', 60)));
		nodes.push(await count());
	}
	for (let r = 0; r < ROUNDS; r++) {
		pan.push(...(await frames(page, 'pan', '.timeline .plot', 60)));
		nodes.push(await count());
	}
	const z = stats(zoom);
	const p = stats(pan);
	timeline.push({
		events: n,
		lanes: c.lanes === 'side' ? 'by side' : `by party (${c.parties.toLocaleString('en-GB')})`,
		'file MB': round(c.mb),
		'open s': round(checked / 1000, 2),
		'first render ms': round(rendered - checked, 0),
		'warm-up ms': Number.isNaN(warmed) ? 'not done' : round(warmed - rendered, 0),
		'zoom median ms': round(z.median),
		'zoom p95 ms': round(z.p95),
		'pan median ms': round(p.median),
		'pan p95 ms': round(p.p95),
		'heap MB': round(await heapMb(page), 0),
		'DOM nodes': nodes[0]!,
		'DOM nodes max': Math.max(...nodes)
	});
	if (errors.length) console.warn(`Errors in the page at ${n} events, ${c.lanes}:`, errors);
	await context.close();
}

// --- graph -------------------------------------------------------------------------------------
const { context: graphContext, page: graphPage } = await newPage();
await graphPage.goto(`${ORIGIN}/open?src=/bench/synthetic-graph.json&view=graph`);
await graphPage.waitForFunction(
	() => performance.getEntriesByName('sightline:graph-layout').length > 0,
	null,
	{ timeout: 300_000, polling: 100 }
);
const graphLayoutMs = await graphPage.evaluate(
	() => performance.getEntriesByName('sightline:graph-layout')[0]!.duration
);
await graphPage.waitForTimeout(300);
const graphFrames: number[] = [];
for (let r = 0; r < ROUNDS; r++)
	graphFrames.push(...(await frames(graphPage, 'wheel', '.graph-plot', 30)));
const graphZoom = stats(graphFrames);
const graphNodes = await graphPage.evaluate(() => document.getElementsByTagName('*').length);
await graphContext.close();
await browser.close();
server.kill();

// --- shipped JavaScript per route ---------------------------------------------------------------
const routes = jsPerRoute(BUILD);
const lazy = readdirSync(join(BUILD, '_app/immutable/workers')).map((f) => ({
	worker: f.replace(/-[\w-]+\.js$/, ''),
	'gzip KB': round(gz(join(BUILD, '_app/immutable/workers', f)) / 1024)
}));

// --- report ----------------------------------------------------------------------------------------
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`;
console.log(`\nSightline in Chromium ${version}, ${machine}, Node ${process.version}`);
console.log(
	`Timeline at 1440×900, opened through /open?src= (frame = main-thread time per input step; ${ROUNDS} × 60 zoom and ${ROUNDS} × 60 pan steps):`
);
console.table(timeline);
console.log('Graph, 2,000 parties and 5,000 relations (layout in a worker):');
console.table([
	{
		'layout ms': round(graphLayoutMs, 0),
		'zoom median ms': round(graphZoom.median),
		'zoom p95 ms': round(graphZoom.p95),
		'DOM nodes': graphNodes
	}
]);
console.log('JavaScript each route loads up front (gzip):');
console.table(routes);
console.log('Workers, loaded only when used (gzip):');
console.table(lazy);

mkdirSync('bench-results', { recursive: true });
const out = {
	date: new Date().toISOString(),
	chromium: version,
	node: process.version,
	machine,
	rounds: ROUNDS,
	timeline,
	graph: {
		parties: 2000,
		relations: 5000,
		layoutMs: graphLayoutMs,
		zoom: graphZoom,
		domNodes: graphNodes
	},
	routes,
	workers: lazy
};
// A graph-only run keeps its own file, so it never overwrites a full run's figures.
const outFile = cases.length ? 'bench-results/bench.json' : 'bench-results/bench-graph.json';
writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
console.log(`Wrote ${outFile}`);
