/**
 * npm run bench:ab: compares two builds of the site, run by run, on one synthetic incident.
 *
 * On these shared 2-core machines the same build measures up to 40% slower in some hours than in
 * others, so one bench run before a change and one after tell little. This opens the incident in
 * build A, then in build B, then B, then A, and so on (interleaved, so both see the same hours),
 * runs the bench's zoom and pan steps in each, and prints each build's median and p95 pooled over
 * all its runs, with each run's own figures and in how many pairs B was the faster. The incident is
 * written into each build's bench/ folder, as `npm run bench` does into build/.
 *
 * Usage: keep a copy of the build before the change (`cp -r build /tmp/build-before`), make the
 * change, `npx vite build`, then
 *   npm run bench:ab -- --a /tmp/build-before [--b build] [--pairs 6] [--events 10000]
 *                       [--parties 12] [--lanes party] [--rounds 3]
 * Figures, never assertions.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthIncident } from '../src/lib/bench/synth';
import {
	buildsToCompare,
	frames,
	launch,
	newPage,
	openRendered,
	option,
	round,
	serve,
	stats
} from './lib/measure';

const args = process.argv.slice(2);
const opt = (name: string) => option(args, name);
function count(name: string, fallback: number, min: number): number {
	const raw = opt(name);
	if (raw === undefined) return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < min) {
		console.error(`bench:ab: --${name} must be a whole number of at least ${min}, not "${raw}".`);
		process.exit(2);
	}
	return n;
}

const builds = buildsToCompare(args, 'bench:ab', ['index.html', 'open.html']);
const PAIRS = count('pairs', 6, 1);
const EVENTS = count('events', 10_000, 1);
const PARTIES = count('parties', opt('lanes') === 'party' ? 1000 : 12, 1);
const ROUNDS = count('rounds', 3, 1);
const LANES = opt('lanes') === 'party' ? '&lanes=party' : '';

const file = `ab-${EVENTS}-p${PARTIES}.json`;
const text = JSON.stringify(synthIncident({ events: EVENTS, parties: PARTIES }));
for (const dir of builds) {
	mkdirSync(join(dir, 'bench'), { recursive: true });
	writeFileSync(join(dir, 'bench', file), text);
}

if (spawnSync('node', ['scripts/setup-browser.mjs'], { stdio: 'inherit' }).status !== 0)
	process.exit(1);
const ports = [4181, 4182];
const servers = await Promise.all(builds.map((dir, i) => serve(ports[i]!, dir)));
const browser = await launch();

interface Runs {
	zoom: number[];
	pan: number[];
	/** Each run's zoom and pan stats, in the order run. */
	each: { zoom: ReturnType<typeof stats>; pan: ReturnType<typeof stats> }[];
}
const results: Runs[] = builds.map(() => ({ zoom: [], pan: [], each: [] }));

async function measure(i: number) {
	const { context, page } = await newPage(browser);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await openRendered(page, `http://localhost:${ports[i]}/open?src=/bench/${file}${LANES}`);
	await page.waitForTimeout(300);
	const zoom: number[] = [];
	const pan: number[] = [];
	for (let r = 0; r < ROUNDS; r++)
		zoom.push(...(await frames(page, 'wheel', '.timeline .plot', 60)));
	for (let r = 0; r < ROUNDS; r++) pan.push(...(await frames(page, 'pan', '.timeline .plot', 60)));
	await context.close();
	if (errors.length) console.warn(`Errors in the page of ${builds[i]}:`, errors);
	results[i]!.zoom.push(...zoom);
	results[i]!.pan.push(...pan);
	results[i]!.each.push({ zoom: stats(zoom), pan: stats(pan) });
}

for (let k = 0; k < PAIRS; k++) {
	const order = k % 2 === 0 ? [0, 1] : [1, 0];
	for (const i of order) await measure(i);
	process.stdout.write(`pair ${k + 1} of ${PAIRS} done\n`);
}
await browser.close();
for (const s of servers) s.kill();

const fmt = (s: ReturnType<typeof stats>) => `${round(s.median)} / ${round(s.p95)}`;
console.log(
	`\n${EVENTS.toLocaleString('en-GB')} events, ${PARTIES} parties${LANES ? ', lanes by party' : ''}; ${PAIRS} pairs, ${ROUNDS} × 60 zoom and pan steps a run (median / p95 ms):`
);
console.table(
	results.map((r, i) => ({
		build: `${i === 0 ? 'A' : 'B'}: ${builds[i]}`,
		'zoom, pooled': fmt(stats(r.zoom)),
		'pan, pooled': fmt(stats(r.pan)),
		'zoom p95 each run': r.each.map((e) => round(e.zoom.p95)).join(' ')
	}))
);
const fasterZoom = results[1]!.each.filter((e, k) => e.zoom.p95 < results[0]!.each[k]!.zoom.p95);
const fasterPan = results[1]!.each.filter((e, k) => e.pan.p95 < results[0]!.each[k]!.pan.p95);
console.log(
	`B's p95 was the lower in ${fasterZoom.length} of ${PAIRS} pairs for zoom, ${fasterPan.length} for pan.`
);
