/**
 * Writes a seeded synthetic incident as one compact JSON file (the one-file import form):
 *
 *   npx tsx scripts/synth-incident.ts --events 10000 [--parties N] [--relations M]
 *     [--sources K] [--seed S] [--validate] --out path.json
 *
 * The same options and seed always give the same bytes. --validate also runs the import's
 * validator on the result and prints what it found.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { synthIncident, type SynthOptions } from '../src/lib/bench/synth';
import { formatBytes, validateSingleJson } from '../src/lib/import/single-file';
import { formatError } from '../src/lib/model/validate';

const USAGE =
	'usage: npx tsx scripts/synth-incident.ts --events N [--parties N] [--relations N] [--sources N] [--seed N] [--validate] --out path.json';

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}

let values;
try {
	({ values } = parseArgs({
		options: {
			events: { type: 'string' },
			parties: { type: 'string' },
			relations: { type: 'string' },
			sources: { type: 'string' },
			seed: { type: 'string' },
			out: { type: 'string' },
			validate: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false }
		}
	}));
} catch (e) {
	fail(e instanceof Error ? e.message : String(e));
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}

function integer(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value.replace(/[_,]/g, ''));
	if (!Number.isInteger(n)) fail(`--${name} must be a whole number; got ${JSON.stringify(value)}`);
	return n;
}

const events = integer('events', values.events);
if (events === undefined) fail('--events is required');
if (!values.out) fail('--out is required');
const options: SynthOptions = { events };
const parties = integer('parties', values.parties);
const relations = integer('relations', values.relations);
const sources = integer('sources', values.sources);
const seed = integer('seed', values.seed);
if (parties !== undefined) options.parties = parties;
if (relations !== undefined) options.relations = relations;
if (sources !== undefined) options.sources = sources;
if (seed !== undefined) options.seed = seed;

let t0 = performance.now();
let model;
try {
	model = synthIncident(options);
} catch (e) {
	fail(e instanceof Error ? e.message : String(e));
}
const text = JSON.stringify(model);
const generated = performance.now() - t0;
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, text);
const bytes = Buffer.byteLength(text);
console.log(
	`Wrote ${values.out}: ${formatBytes(bytes)} (${bytes} bytes), ${model.events.length} events, ${model.parties.length} parties, ${model.relations.length} relations, ${model.sources.length} sources, ${model.casualties.length} casualty claims; generated and serialised in ${generated.toFixed(0)} ms`
);

if (values.validate) {
	t0 = performance.now();
	const result = validateSingleJson(JSON.parse(text), values.out);
	const ms = (performance.now() - t0).toFixed(0);
	if (result.ok) console.log(`Valid (checked in ${ms} ms)`);
	else {
		console.error(`${result.errors.length} problem(s) (checked in ${ms} ms):`);
		for (const e of result.errors.slice(0, 20)) console.error(`  ${formatError(e)}`);
		process.exit(1);
	}
}
