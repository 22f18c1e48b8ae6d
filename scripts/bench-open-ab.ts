/**
 * npm run bench:open-ab: compares how two builds open a file through /open?src=, run by run.
 *
 * Opens the same synthetic incident (JSON and the events CSV) in build A, then B, then B, then A
 * and so on (interleaved, so both see the same hours: figures on these shared machines vary by
 * 40% between hours), each in a fresh browser context, and prints each build's median and range
 * from navigation to: the file requested, the site's scripts started (`sightline:hydrate`), the
 * file in hand (`sightline:read`), the worker's first look at it (`sightline:preview`) and its
 * picture on screen (`sightline:first-look`), the worker's
 * answer (`sightline:answered`), the model read (`sightline:parsed`), the index built and the
 * first complete render; and in how many pairs B was the faster to the first render.
 *
 * Usage: keep a copy of the build before the change (`cp -r build /tmp/build-before`), make the
 * change, `npx vite build`, then
 *   npm run bench:open-ab -- --a /tmp/build-before [--b build] [--pairs 4]
 *                            [--sizes 10000,100000] [--kinds json,csv]
 * Figures, never assertions.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthIncident } from '../src/lib/bench/synth';
import { eventsCsv } from '../src/lib/model/export';
import type { IncidentModel } from '../src/lib/model/schema';
import { buildsToCompare, fmtSpread, launch, newPage, option, serve } from './lib/measure';

const args = process.argv.slice(2);
const opt = (name: string) => option(args, name);
const builds = buildsToCompare(args, 'bench:open-ab', ['open.html']);
const PAIRS = Math.max(1, Number(opt('pairs') ?? 4) || 4);
const SIZES = (opt('sizes') ?? '10000,100000').split(',').map(Number);
const KINDS = (opt('kinds') ?? 'json,csv').split(',') as ('json' | 'csv')[];

for (const events of SIZES) {
	const model = synthIncident({ events });
	const json = JSON.stringify(model);
	const csv = eventsCsv(model as IncidentModel);
	for (const dir of builds) {
		mkdirSync(join(dir, 'bench'), { recursive: true });
		writeFileSync(join(dir, 'bench', `ab-open-${events}.json`), json);
		writeFileSync(join(dir, 'bench', `ab-open-${events}.csv`), csv);
	}
}

if (spawnSync('node', ['scripts/setup-browser.mjs'], { stdio: 'inherit' }).status !== 0)
	process.exit(1);
const ports = [4183, 4184];
const servers = await Promise.all(builds.map((dir, i) => serve(ports[i]!, dir)));
const browser = await launch();

const STAGES = [
	'requested',
	'hydrate',
	'read',
	'preview',
	'look',
	'answered',
	'parsed',
	'indexed',
	'render'
] as const;
type Stage = (typeof STAGES)[number];
type Run = Record<Stage, number>;
const runs = new Map<string, Run[]>();

async function openOnce(i: number, file: string): Promise<Run> {
	const { context, page } = await newPage(browser);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`http://localhost:${ports[i]}/open?src=/bench/${file}`);
	await page.waitForFunction(
		() => performance.getEntriesByName('sightline:first-render').length > 0,
		null,
		{ timeout: 300_000, polling: 20 }
	);
	const run = await page.evaluate((file) => {
		const mark = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
		const res = performance
			.getEntriesByType('resource')
			.find((r) => r.name.includes(`/bench/${file}`)) as PerformanceResourceTiming | undefined;
		return {
			requested: res?.requestStart || res?.startTime || NaN,
			hydrate: mark('sightline:hydrate'),
			read: mark('sightline:read'),
			preview: mark('sightline:preview'),
			look: mark('sightline:first-look'),
			answered: mark('sightline:answered'),
			parsed: mark('sightline:parsed'),
			indexed: mark('sightline:indexed'),
			render: mark('sightline:first-render')
		};
	}, file);
	await context.close();
	if (errors.length) console.warn(`Errors in the page of ${builds[i]} (${file}):`, errors);
	return run;
}

for (let k = 0; k < PAIRS; k++) {
	const order = k % 2 === 0 ? [0, 1] : [1, 0];
	for (const events of SIZES)
		for (const kind of KINDS)
			for (const i of order) {
				const key = `${i}:${events}:${kind}`;
				runs.set(key, [...(runs.get(key) ?? []), await openOnce(i, `ab-open-${events}.${kind}`)]);
			}
	process.stdout.write(`pair ${k + 1} of ${PAIRS} done\n`);
}
await browser.close();
for (const s of servers) s.kill();

console.log(`\n${PAIRS} pairs; ms from navigation, median (range):`);
for (const events of SIZES)
	for (const kind of KINDS) {
		const a = runs.get(`0:${events}:${kind}`)!;
		const b = runs.get(`1:${events}:${kind}`)!;
		console.log(`\n${events.toLocaleString('en-GB')} events, ${kind}`);
		console.table(
			STAGES.map((s) => ({
				stage: s,
				A: fmtSpread(a.map((r) => r[s])),
				B: fmtSpread(b.map((r) => r[s]))
			}))
		);
		const faster = b.filter((r, k) => r.render < a[k]!.render).length;
		console.log(`B rendered first in ${faster} of ${PAIRS} pairs.`);
	}
