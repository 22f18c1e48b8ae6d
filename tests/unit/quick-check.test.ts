/**
 * The quick check of events (src/lib/model/quick-check.ts) against the Event schema it stands
 * in for: whatever it accepts, the schema must accept with the same values; what it turns down
 * goes to the schema anyway, so it may be cautious, but it must not turn down ordinary files.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { isPlainEvent, quickCheckEventsFile } from '../../src/lib/model/quick-check';
import { Event, files, OffsetDateTime } from '../../src/lib/model/schema';
import { synthIncident } from '../../src/lib/bench/synth';

const mini = JSON.parse(
	readFileSync(join(import.meta.dirname, '..', 'fixtures', 'valid', 'mini', 'events.json'), 'utf8')
) as { events: Record<string, unknown>[] };
const hostile = JSON.parse(
	readFileSync(join(import.meta.dirname, '..', 'fixtures', 'hostile', 'incident.json'), 'utf8')
) as { events: Record<string, unknown>[] };
const synth = synthIncident({ events: 2000, seed: 7 }).events as unknown as Record<
	string,
	unknown
>[];

/** An event with every optional field, bounds and time sources included. */
const full: Record<string, unknown> = {
	...(synth.find((e) => e.claims && e.location && e.end) ?? synth[0]!),
	startBounds: { earliest: '2016-09-17T15:00+03:00', latest: '2016-09-17T16:30+03:00' },
	endBounds: { latest: '2016-09-17T18:00+03:00' },
	timeNote: 'Derived from two reports.',
	approximate: true
};
full.timeSources = [(full.sources as { source: string }[])[0]!.source];
const valid = [...mini.events, ...hostile.events, ...synth.slice(0, 300), full];

/** The schema's verdict, and what the quick check says of the same record. */
function agree(record: unknown) {
	const schema = Event.safeParse(record);
	if (isPlainEvent(record)) {
		expect(schema.success, JSON.stringify(record)).toBe(true);
		expect(schema.data).toEqual(record);
	}
	return schema.success;
}

describe('the quick check of events', () => {
	test('accepts every valid event the fixtures and the synthetic incidents hold', () => {
		expect(Event.safeParse(full).success).toBe(true);
		for (const e of valid) {
			expect(Event.safeParse(e).success).toBe(true);
			expect(isPlainEvent(e), String(e.id)).toBe(true);
		}
		const file = { events: synth };
		expect(quickCheckEventsFile(file)).toBe(file);
		expect(quickCheckEventsFile({ $schema: '../schema/events.schema.json', events: [] })).not.toBe(
			null
		);
	});

	test('turns down what the schema turns down, field by field', () => {
		// Each field of the full event given values of the wrong kind, out of range or left out.
		const odd: unknown[] = [
			undefined,
			null,
			'',
			'x',
			'X',
			'a--b',
			'a'.repeat(81),
			'a'.repeat(121),
			0,
			-1,
			91,
			-181,
			Number.NaN,
			Infinity,
			true,
			[],
			[{}],
			{},
			{ earliest: undefined },
			{ earliest: '2016-02-30T10:00Z' },
			{ latest: '2016-09-17T25:00Z' },
			{ latest: '2016-09-17T10:00Z', other: 1 },
			'2016-09-17T15:55',
			'2016-09-17T15:55+3:00',
			'2016-09-17T15:55+15:00',
			'2016-09-17T15:55+03:60',
			'2016-02-29T24:00Z',
			'2015-02-29T10:00Z',
			'0016-09-17T15:55Z',
			'2016-09-17T15:55:07.5+03:00',
			'2016-13',
			'Mars/Olympus',
			'minute',
			'caller',
			[{ party: 'a', role: 'nobody' }],
			[{ source: 'a', quote: '' }],
			[{ source: 'a', extra: 'b' }],
			{ name: 'x', lat: 0, lon: 0, precision: 'street' }
		];
		for (const key of [...Object.keys(full), 'unknown', '__proto__'])
			for (const value of odd) {
				const record: Record<string, unknown> = JSON.parse(JSON.stringify(full));
				if (value === undefined) delete record[key];
				else Object.defineProperty(record, key, { value, enumerable: true, writable: true });
				agree(record);
			}
	});

	test('agrees with the schema on date-times', () => {
		const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
		const instant = fc
			.tuple(
				digits(4),
				digits(2),
				digits(2),
				digits(2),
				digits(2),
				fc.option(digits(2)),
				fc.option(fc.stringMatching(/^\d{1,4}$/)),
				fc.constantFrom('Z', '+', '-', '+0', ''),
				digits(2),
				digits(2)
			)
			.map(
				([y, mo, d, h, mi, s, ms, z, oh, om]) =>
					`${y}-${mo}-${d}T${h}:${mi}${s ? `:${s}${ms ? `.${ms}` : ''}` : ''}${z === 'Z' || z === '' ? z : `${z}${oh}:${om}`}`
			);
		fc.assert(
			fc.property(fc.oneof(instant, fc.string()), (value) => {
				const record = { ...full, start: value, end: undefined };
				delete record.end;
				const schemaSays = OffsetDateTime.safeParse(value).success;
				expect(isPlainEvent(record)).toBe(schemaSays && Event.safeParse(record).success);
			}),
			{ numRuns: 3000 }
		);
	});

	test('never accepts what the schema refuses, whatever is changed in a record', () => {
		const json: fc.Arbitrary<unknown> = fc.oneof(
			fc.jsonValue({ maxDepth: 2 }),
			fc.constantFrom(...['minute', 'day', 'actor', 'UTC', 'Europe/Paris', '2016', 'a-b'])
		);
		const path = fc.array(fc.oneof(fc.constantFrom(...Object.keys(full)), fc.nat(3)), {
			minLength: 1,
			maxLength: 3
		});
		fc.assert(
			fc.property(path, json, fc.boolean(), (at, value, remove) => {
				const record = JSON.parse(JSON.stringify(full)) as Record<string, unknown>;
				let parent: Record<string | number, unknown> = record;
				for (const key of at.slice(0, -1)) {
					const next = parent[key];
					if (next === null || typeof next !== 'object') return;
					parent = next as Record<string | number, unknown>;
				}
				const last = at[at.length - 1]!;
				// JSON has no arrays with named members.
				if (Array.isArray(parent) !== (typeof last === 'number')) return;
				if (remove) delete parent[last];
				else parent[last] = value;
				agree(record);
			}),
			{ numRuns: 5000 }
		);
	});

	test('sends a whole file to the schema when any record or the wrapper is off', () => {
		expect(quickCheckEventsFile(null)).toBe(null);
		expect(quickCheckEventsFile([])).toBe(null);
		expect(quickCheckEventsFile({ events: {} })).toBe(null);
		expect(quickCheckEventsFile({ events: [], other: 1 })).toBe(null);
		expect(quickCheckEventsFile({ $schema: 3, events: [] })).toBe(null);
		const one = { events: [...synth.slice(0, 5), { ...full, title: '' }] };
		expect(quickCheckEventsFile(one)).toBe(null);
		expect(files['events.json'].safeParse(one).success).toBe(false);
	});
});

describe('the quick check follows the Event schema', () => {
	test('the Event schema is the one the quick check was written for', () => {
		// A tripwire: a change to the Event schema's fields, limits or patterns changes this
		// fingerprint (refinements written as code do not show in it: check those by eye). Bring
		// quick-check.ts into line with the schema first, so it can never accept what the schema
		// now refuses; then record the new fingerprint here.
		const shape = JSON.stringify(z.toJSONSchema(Event, { unrepresentable: 'any' }));
		const fingerprint = createHash('sha256').update(shape).digest('hex').slice(0, 16);
		expect(fingerprint).toBe('b2c635c99e999ebb');
	});
});
