/**
 * npm run bench:import: where the time of opening a file goes, stage by stage, in Node, on the
 * seeded synthetic incidents the browser bench opens (as one-file JSON and as the events CSV).
 *
 *   npm run bench:import -- [--sizes 10000,100000] [--runs 5]
 *
 * Each stage is timed on its own, in the order the import runs them, each run in a fresh
 * order of sizes; the table gives the median and the range. "worker (all)" is the whole of the
 * worker's work, the stages above and writing its answer; the answer's crossing to the page is
 * timed with a real worker thread (structured clone), as the browser would.
 * Figures, not assertions.
 */
import { Worker } from 'node:worker_threads';
import { synthIncident } from '../src/lib/bench/synth';
import { eventsCsv } from '../src/lib/model/export';
import { csvToIncident } from '../src/lib/import/csv';
import { answerBytes } from '../src/lib/import/run';
import { fromWire } from '../src/lib/import/wire';
import { findDuplicateKeys } from '../src/lib/model/duplicate-keys';
import { findControlCharacters } from '../src/lib/model/characters';
import { FILE_NAMES, type FileName, type IncidentModel } from '../src/lib/model/schema';
import { checkReferences, parseFile } from '../src/lib/model/validate';
import { decodeUtf8 } from '../src/lib/model/utf8';
import { buildIndex } from '../src/lib/model/index';
import { option } from './lib/measure';

const args = process.argv.slice(2);
const SIZES = (option(args, 'sizes') ?? '10000,100000').split(',').map(Number);
const RUNS = Math.max(1, Number(option(args, 'runs') ?? 5) || 5);

/** One thread that echoes what it is sent: the time there and back, halved, is one crossing. */
const echo = new Worker(
	'const { parentPort } = require("node:worker_threads"); parentPort.on("message", (m) => parentPort.postMessage(m));',
	{ eval: true }
);
function crossing(value: unknown): Promise<number> {
	return new Promise((resolve) => {
		const t0 = performance.now();
		echo.once('message', () => resolve((performance.now() - t0) / 2));
		echo.postMessage(value);
	});
}

const time = <T>(f: () => T): [T, number] => {
	const t0 = performance.now();
	const v = f();
	return [v, performance.now() - t0];
};

type Row = Record<string, number>;
const results = new Map<string, Row[]>();
const record = (key: string, row: Row) => results.set(key, [...(results.get(key) ?? []), row]);

const inputs = SIZES.map((events) => {
	const model = synthIncident({ events });
	const json = JSON.stringify(model);
	return {
		events,
		jsonBytes: new TextEncoder().encode(json),
		csvBytes: new TextEncoder().encode(eventsCsv(model as IncidentModel))
	};
});

for (let r = 0; r < RUNS; r++) {
	for (const input of r % 2 ? [...inputs].reverse() : inputs) {
		for (const kind of r % 2 ? (['csv', 'json'] as const) : (['json', 'csv'] as const)) {
			const row: Row = {};
			const bytes = kind === 'json' ? input.jsonBytes : input.csvBytes;
			const [decoded, decode] = time(() => decodeUtf8(bytes));
			row.decode = decode;
			const text = (decoded as { text: string }).text;
			let json: unknown;
			if (kind === 'json') {
				[json, row['JSON.parse']] = time(() => JSON.parse(text));
				row['duplicate keys'] = time(() => findDuplicateKeys(text))[1];
			} else {
				const [csv, t] = time(() => csvToIncident(text, { fileName: 'x.csv' }));
				row['CSV to JSON'] = t;
				json = (csv as { json: unknown }).json;
			}
			row.characters = time(() => findControlCharacters(json))[1];
			const doc = json as Record<string, unknown>;
			let schema = 0;
			const parsed: Record<string, unknown> = {};
			for (const file of FILE_NAMES) {
				const key = file.replace(/\.json$/, '');
				if (!(key in doc)) continue;
				const [res, t] = time(() => parseFile(file as FileName, { [key]: doc[key] }));
				schema += t;
				if (!res.success) throw new Error(`${file} failed its schema`);
				parsed[key] = (res.data as Record<string, unknown>)[key];
			}
			row.schema = schema;
			const model = { storylines: [], ...parsed } as IncidentModel;
			const [problems, cross] = time(() => checkReferences(model));
			if (problems.length) throw new Error(`cross-checks failed: ${problems[0]!.message}`);
			row['cross-checks'] = cross;
			// The whole import as the worker runs it, from the bytes to its answer (for a CSV,
			// the model written out as JSON), then the answer's way to the page.
			const [wire, whole] = time(() => answerBytes({ bytes, fileName: `x.${kind}` }));
			if (!wire.ok) throw new Error('import failed');
			row['worker (all)'] = whole;
			row['post answer'] = await crossing(wire);
			const [result, read] = time(() => fromWire(wire));
			row['page JSON.parse'] = read;
			if (!result.ok) throw new Error('import failed');
			row['buildIndex'] = time(() => buildIndex(result.model))[1];
			record(`${input.events} ${kind}`, row);
		}
	}
	process.stdout.write(`run ${r + 1} of ${RUNS} done\n`);
}
await echo.terminate();

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const table: Record<string, Record<string, string>> = {};
for (const [key, rows] of results) {
	const col: Record<string, string> = {};
	for (const stage of Object.keys(rows[0]!)) {
		const xs = rows.map((row) => row[stage]!).filter((x) => x !== undefined);
		col[stage] =
			`${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
	}
	table[key] = col;
}
const stages = [...new Set([...results.values()].flatMap((rows) => Object.keys(rows[0]!)))];
const out: Record<string, Record<string, string>> = {};
for (const stage of stages) {
	out[stage] = {};
	for (const key of results.keys()) out[stage]![key] = table[key]![stage] ?? '';
}
console.log(`Opening, stage by stage in Node, ms: median (range) of ${RUNS} runs`);
console.table(out);
