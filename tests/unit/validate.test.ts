import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
	formatError,
	jsonPath,
	parseJsonBytes,
	parseJsonText,
	validateIncident
} from '../../src/lib/model/validate';
import { findDuplicateKeys } from '../../src/lib/model/duplicate-keys';
import { decodeUtf8, invalidUtf8Offset } from '../../src/lib/model/utf8';
import { fileSchemas, incidentSchema } from '../../src/lib/model/json-schema';
import { loadIncident } from '../../src/lib/server/load-incident';
import { brokenFiles, brokenNames, miniFiles } from './fixtures';

// Each broken fixture in tests/fixtures/broken/ replaces files of the valid mini incident.
// An editor who makes one of these mistakes must be told exactly this, file and path first.
const EXPECTED: Record<string, string[]> = {
	'missing-offset': [
		'events.json $.events[0].start: must be an ISO 8601 date-time with an explicit UTC offset, e.g. "2016-09-17T15:55+03:00"; got "2016-09-17T15:55"'
	],
	'duplicate-id': [
		'events.json $.events[1].id: duplicate id "strike-begins" (first used at $.events[0])'
	],
	'unknown-reference': [
		'events.json $.events[0].parties[1].party: unknown party "green-state". Parties are listed under "parties" (parties.json).',
		'events.json $.events[2].sources[0].source: unknown source "no-such-source". Sources are listed under "sources" (sources.json).'
	],
	'end-before-start': [
		'events.json $.events[0].end: end 2016-09-17T15:00+03:00 is before start 2016-09-17T15:55+03:00'
	],
	'impossible-date': [
		'events.json $.events[2].start: "2016-02-30T00:00+03:00" is not a real date-time: February 2016 has only 29 days'
	],
	'wrong-type': [
		'events.json $.events[1].approximate: must be a boolean, got the string "yes"',
		'events.json $.events[1]: unknown field "colour"; the fields here are id, title, summary, start, startBounds, end, endBounds, precision, approximate, sourceTimeZone, timeNote, timeSources, category, parties, location, sources, disputed, claims'
	],
	'truncated-json': ['events.json $: not valid JSON at line 28, column 28: Unterminated string'],
	'unused-source': ['sources.json $.sources[2]: source "uncited" is not cited by any record'],
	'bad-url': [
		'sources.json $.sources[0].url: must be an http:// or https:// URL; got "javascript:alert(1)"'
	],
	'state-media-without-note': [
		'sources.json $.sources[1].reliability: a state-media source needs a reliability note'
	],
	'many-problems': [
		'events.json $.events[0].category: unknown category "weather". Categories are listed under "incident.categories" (incident.json).',
		'events.json $.events[1].end: end 2016-09-17T16:00+03:00 is before start 2016-09-17T16:25+03:00',
		'relations.json $.relations[0].to: a relation must join two different parties; got "blue-air" at both ends'
	],
	'bad-counts': [
		'casualties.json $.casualties[0].killed.max: max must not be below min',
		'casualties.json $.casualties[1].wounded: must be a whole number, {"min", "max"}, {"atLeast"}, {"about"} or {"moreThan"}; got the string "dozens"'
	],
	'missing-file': ['relations.json $: file is missing from the incident folder'],
	'bad-storyline': [
		'storylines.json $.storylines[0].steps[1].window.end: end 2016-09-17T17:00+03:00 must be after start 2016-09-17T18:00+03:00',
		'storylines.json $.storylines[0].steps[1].events[1]: unknown event "no-such-event". Events are listed under "events" (events.json).',
		'storylines.json $.storylines[0].steps[1].events: names an event more than once; got "first-call" again',
		'storylines.json $.storylines[0].steps[1].parties[0]: unknown party "green-state". Parties are listed under "parties" (parties.json).',
		'storylines.json $.storylines[0].steps[1].views: names a view more than once; got "timeline" again',
		'storylines.json $.storylines[0].steps[1].claims: event "strike-begins" must also be one of the step\'s events',
		'storylines.json $.storylines[0].steps[1].views: shows "map", but none of its events has a location',
		'storylines.json $.storylines[1].id: duplicate id "walk" (first used at $.storylines[0])',
		'storylines.json $.storylines[1].steps[0].events[0]: event "statement-day" (2016-09-18T00:00+03:00) falls outside the step\'s window 2016-09-20T00:00+03:00 – 2016-09-21T00:00+03:00',
		'storylines.json $.storylines[1].steps[0].views: shows "claims", but none of its events has versions or casualty figures'
	]
};

describe('validateIncident', () => {
	test('accepts the valid mini incident and returns its model', () => {
		const result = validateIncident(miniFiles());
		expect(result.errors).toEqual([]);
		expect(result.model?.events.map((e) => e.id)).toEqual([
			'strike-begins',
			'first-call',
			'statement-day'
		]);
	});

	test('every broken fixture has an expected message (none is left unchecked)', () => {
		expect(brokenNames().sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	test.each(Object.entries(EXPECTED))(
		'broken fixture "%s" reports exactly its problems',
		(name, messages) => {
			const result = validateIncident(brokenFiles(name));
			expect(result.ok).toBe(false);
			expect(result.errors.map(formatError)).toEqual(messages);
		}
	);

	test('a relation whose dates are reversed and a party that is its own parent are both reported', () => {
		const raw = miniFiles();
		const parties = structuredClone(
			(raw['parties.json'] as { json: { parties: { parent?: unknown; id: string }[] } }).json
		);
		parties.parties[0]!.parent = { party: parties.parties[0]!.id, role: 'self' };
		const relations = structuredClone(
			(raw['relations.json'] as { json: { relations: { end?: string }[] } }).json
		);
		relations.relations[0]!.end = '2016-09-01T00:00+03:00';
		const result = validateIncident({
			...raw,
			'parties.json': { json: parties },
			'relations.json': { json: relations }
		});
		expect(result.errors.map(formatError)).toEqual([
			'parties.json $.parties[0].parent.party: a party cannot be its own parent; got "blue-state"',
			'relations.json $.relations[0].end: end 2016-09-01T00:00+03:00 is before start 2016-09-17T15:55+03:00'
		]);
	});

	test('an oversized file is refused before parsing, with its size', () => {
		const result = validateIncident({
			...miniFiles(),
			'events.json': { error: 'file is 60.0 MB; the limit is 20 MB' }
		});
		expect(result.errors.map(formatError)).toEqual([
			'events.json $: file is 60.0 MB; the limit is 20 MB'
		]);
	});

	test('JSON paths quote keys that are not identifiers', () => {
		expect(jsonPath(['events', 3, 'start'])).toBe('$.events[3].start');
		expect(jsonPath(['a b', 0])).toBe('$["a b"][0]');
	});
});

describe('years 0–99 and impossible dates', () => {
	const withEvent = (edit: (e: Record<string, unknown>) => void) => {
		const raw = miniFiles();
		const events = structuredClone(
			(raw['events.json'] as { json: { events: Record<string, unknown>[] } }).json
		);
		// No source zone and a span wide enough for every date tried here: only the date is judged.
		events.events[0]!.sourceTimeZone = null;
		edit(events.events[0]!);
		const incident = structuredClone(
			(raw['incident.json'] as { json: { incident: { span: object } } }).json
		);
		incident.incident.span = { start: '0000-01-01T00:00Z', end: '2100-01-01T00:00Z' };
		return validateIncident({
			...raw,
			'incident.json': { json: incident },
			'events.json': { json: events }
		});
	};

	test('a year before 100 is that year, not 19xx: an end in year 50 is before a start in 1950', () => {
		const result = withEvent((e) => {
			e.start = '1950-01-01T00:00Z';
			e.end = '0050-06-01T00:00Z';
		});
		expect(result.errors.map(formatError)).toEqual([
			'events.json $.events[0].end: end 0050-06-01T00:00Z is before start 1950-01-01T00:00Z'
		]);
	});

	test('29 February of year 0 (a leap year) and of 2016 are accepted; of 2015 is not', () => {
		expect(withEvent((e) => (e.start = '0000-02-29T00:00Z')).errors).toEqual([]);
		expect(withEvent((e) => (e.start = '2016-02-29T00:00+03:00')).errors).toEqual([]);
		expect(
			withEvent((e) => {
				e.start = '2015-02-29T00:00+03:00';
				delete e.end;
			}).errors.map(formatError)
		).toEqual([
			'events.json $.events[0].start: "2015-02-29T00:00+03:00" is not a real date-time: February 2015 has only 28 days'
		]);
	});
});

describe('keys given twice', () => {
	test('are found at their path, with the line and column of the later one', () => {
		const text =
			'{\n  "events": [\n    { "id": "a" },\n    { "id": "b", "x": { "y": 1, "y": 2 }, "id": "c" }\n  ]\n}';
		expect(findDuplicateKeys(text)).toEqual([
			{ path: ['events', 1, 'x', 'y'], key: 'y', line: 4, column: 33 },
			{ path: ['events', 1, 'id'], key: 'id', line: 4, column: 43 }
		]);
	});

	test('the same key in different objects, or as a value, is not a duplicate', () => {
		expect(
			findDuplicateKeys(
				'{"a": {"id": 1}, "b": {"id": 2}, "c": [{"id": 3}, {"id": "id"}], "d": "a"}'
			)
		).toEqual([]);
	});

	test('quotes, backslashes and brackets inside strings do not confuse the scan', () => {
		const text = JSON.stringify({ a: 'x\\"}{][,', 'b\\': '\\', c: ['"', ','] }).replace(
			/\}$/,
			',"a":0}'
		);
		expect(JSON.parse(text).a).toBe(0);
		expect(findDuplicateKeys(text)).toEqual([
			{ path: ['a'], key: 'a', line: 1, column: text.length - 5 }
		]);
	});

	test('a key spelled with escapes is the key JSON.parse reads', () => {
		expect(findDuplicateKeys('{"id": 1, "\\u0069d": 2}').map((d) => d.key)).toEqual(['id']);
		expect(findDuplicateKeys('{"a\\"b": 1, "a\\u0022b": 2}').map((d) => d.path)).toEqual([['a"b']]);
	});

	test('are reported on the JSON path, and each file is still checked in the same pass', () => {
		const parsed = parseJsonText('{"events": [{"id": "a", "id": "b"}]}');
		expect(parsed).toEqual({
			json: { events: [{ id: 'b' }] },
			problems: [
				{
					path: '$.events[0].id',
					message: 'duplicate key "id" (line 1, column 25); the later value would silently win'
				}
			]
		});
	});

	test('without them the parse is exactly JSON.parse, for every file of the bundled incident', () => {
		const dir = join(import.meta.dirname, '..', '..', 'data', 'incidents', 'deir-ez-zor-2016');
		for (const name of ['incident.json', 'events.json', 'parties.json', 'sources.json']) {
			const text = readFileSync(join(dir, name), 'utf8');
			expect(findDuplicateKeys(text), name).toEqual([]);
			expect(parseJsonText(text), name).toStrictEqual({ json: JSON.parse(text) });
		}
	});

	test('are exactly the repeated keys of each object, however the keys are spelled', () => {
		// A tree of objects (as lists of members, so a key may come twice), arrays and values,
		// written out as text while the repeated keys and where they are written are noted.
		type Node = { members: [string, Node][] } | { items: Node[] } | { value: unknown };
		const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
			node: fc.oneof(
				{ depthSize: 'small', withCrossShrink: true },
				fc.record({ value: fc.oneof(fc.integer(), fc.constantFrom('a', 'x"}', null, true)) }),
				fc.record({ items: fc.array(tie('node'), { maxLength: 4 }) }),
				fc.record({
					members: fc.array(
						fc.tuple(fc.constantFrom('a', 'b', 'id', 'a"b', 'é', '\\', ''), tie('node')),
						{ maxLength: 40 }
					)
				})
			)
		})).node;
		const spelled = (key: string, escaped: boolean) =>
			escaped
				? `"${[...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`
				: JSON.stringify(key);
		fc.assert(
			fc.property(node, fc.array(fc.boolean(), { minLength: 1 }), (tree, escapes) => {
				let text = '';
				let n = 0;
				const expected: { path: (string | number)[]; key: string; line: number; column: number }[] =
					[];
				const write = (node: Node, path: (string | number)[]) => {
					if ('value' in node) text += JSON.stringify(node.value);
					else if ('items' in node) {
						text += '[';
						node.items.forEach((item, i) => {
							if (i) text += ', ';
							write(item, [...path, i]);
						});
						text += ']';
					} else {
						text += '{';
						const seen = new Set<string>();
						node.members.forEach(([key, value], i) => {
							if (i) text += ', ';
							if (seen.has(key))
								expected.push({ path: [...path, key], key, line: 1, column: text.length + 1 });
							seen.add(key);
							text += `${spelled(key, escapes[n++ % escapes.length]!)}: `;
							write(value, [...path, key]);
						});
						text += '}';
					}
				};
				write(tree, []);
				expect(findDuplicateKeys(text)).toEqual(expected);
			}),
			{ numRuns: 2000 }
		);
	});

	// A scan that went back over strings or escapes would take minutes here, not a second, and
	// never reach the end within the test's time (a hang guard, not a timing check).
	test('the scan is linear: it gets through 20 MB of records and long runs of escapes', () => {
		const record = JSON.stringify({
			id: 'x',
			title: 'a "quoted" \\ title',
			n: [1, 2, { k: null }]
		});
		const big = `{"events": [${Array.from({ length: Math.ceil(20e6 / record.length) }, () => record).join(',\n')}]}`;
		const escapes = `{"a": "${'\\\\'.repeat(2_000_000)}${'\\"'.repeat(2_000_000)}", "a": 1}`;
		expect(findDuplicateKeys(big)).toEqual([]);
		expect(findDuplicateKeys(escapes).map((d) => d.key)).toEqual(['a']);
	}, 60_000);
});

describe('bytes that are not UTF-8', () => {
	const utf8 = (s: string) => new TextEncoder().encode(s);
	const bytes = (...parts: (string | number[])[]) =>
		new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

	test.each([
		[
			'a Latin-1 é',
			bytes('{"title":\n"caf', [0xe9], '"}'),
			'not valid UTF-8 at byte 14 (0xE9, line 2)'
		],
		[
			'a sequence cut short by a quote',
			bytes('{"a": "', [0xe2, 0x82], '"}'),
			'not valid UTF-8 at byte 7 (0xE2, line 1)'
		],
		[
			'a sequence cut short by the end',
			bytes('{}', [0xf0, 0x9f, 0x98]),
			'not valid UTF-8 at byte 2 (0xF0, line 1)'
		],
		['an overlong "/"', bytes('"', [0xc0, 0xaf], '"'), 'not valid UTF-8 at byte 1 (0xC0, line 1)'],
		[
			'an encoded UTF-16 surrogate',
			bytes('"ok ', [0xed, 0xa0, 0x80], '"'),
			'not valid UTF-8 at byte 4 (0xED, line 1)'
		],
		[
			'a code point above U+10FFFF',
			bytes('"', [0xf4, 0x90, 0x80, 0x80], '"'),
			'not valid UTF-8 at byte 1 (0xF4, line 1)'
		],
		[
			'a stray continuation byte',
			bytes('\n\n"', [0x80], '"'),
			'not valid UTF-8 at byte 3 (0x80, line 3)'
		]
	])('%s is refused with the offset of the first bad byte', (_, data, message) => {
		expect(parseJsonBytes(data)).toEqual({ error: `${message}; save the file as UTF-8` });
	});

	test('UTF-16 is named as such', () => {
		const le = new Uint8Array([0xff, 0xfe, ...[...'{}'].flatMap((c) => [c.charCodeAt(0), 0])]);
		expect(decodeUtf8(le)).toEqual({
			error: 'is UTF-16 encoded (it starts with a UTF-16 byte-order mark); save it as UTF-8'
		});
	});

	test('valid UTF-8, with a byte-order mark or four-byte characters, reads as before', () => {
		const text = '{"name": "Dayr az-Zawr دير الزور – 😀"}';
		expect(parseJsonBytes(utf8(text))).toEqual({ json: JSON.parse(text) });
		expect(parseJsonBytes(bytes([0xef, 0xbb, 0xbf], text))).toEqual({ json: JSON.parse(text) });
	});

	test('the first bad byte agrees with the strict decoder on random bytes', () => {
		const strict = new TextDecoder('utf-8', { fatal: true });
		const decodes = (b: Uint8Array) => {
			try {
				strict.decode(b);
				return true;
			} catch {
				return false;
			}
		};
		// Bytes near the edges of the UTF-8 ranges, where the mistakes would be.
		const edgy = fc.constantFrom(
			0x00,
			0x41,
			0x7f,
			0x80,
			0x8f,
			0x90,
			0x9f,
			0xa0,
			0xbf,
			0xc0,
			0xc1,
			0xc2,
			0xdf,
			0xe0,
			0xed,
			0xef,
			0xf0,
			0xf4,
			0xf5,
			0xff
		);
		fc.assert(
			fc.property(
				fc.array(fc.oneof(edgy, fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
				(list) => {
					const b = new Uint8Array(list);
					const at = invalidUtf8Offset(b);
					expect(at === -1).toBe(decodes(b));
					if (at >= 0) {
						expect(decodes(b.subarray(0, at))).toBe(true);
						expect(decodes(b.subarray(0, at + 1))).toBe(false);
					}
				}
			),
			{ numRuns: 20_000 }
		);
	});
});

describe('the bundled incident', () => {
	const result = loadIncident('deir-ez-zor-2016', join(import.meta.dirname, '..', '..'));

	test('is valid', () => {
		expect(result.errors.map(formatError)).toEqual([]);
	});

	test('meets the curation floor: 60 events, 30 parties, 25 relations', () => {
		const m = result.model!;
		expect(m.events.length).toBeGreaterThanOrEqual(60);
		expect(m.parties.length).toBeGreaterThanOrEqual(30);
		expect(m.relations.length).toBeGreaterThanOrEqual(25);
	});

	test('records the strike as disputed with more than one version of its time', () => {
		const m = result.model!;
		const disputed = m.events.filter((e) => e.disputed && (e.claims?.length ?? 0) >= 2);
		expect(disputed.length).toBeGreaterThan(3);
		const claimants = new Set(m.casualties.map((c) => c.claimant));
		expect(claimants.size).toBeGreaterThan(4);
	});
});

describe('JSON Schema for editors', () => {
	test('data/schema/ is generated from the current definitions (run npm run schema)', () => {
		const dir = join(import.meta.dirname, '..', '..', 'data', 'schema');
		const all = new Map([...fileSchemas(), ['incident.schema.json', incidentSchema()]]);
		for (const [name, schema] of all) {
			const onDisk = JSON.parse(readFileSync(join(dir, name), 'utf8'));
			expect(onDisk, name).toEqual(schema);
		}
	});

	test('the events schema requires an offset pattern and lists the precisions', () => {
		const events = fileSchemas().get('events.schema.json') as {
			properties: {
				events: { items: { properties: Record<string, { pattern?: string; enum?: string[] }> } };
			};
		};
		const props = events.properties.events.items.properties;
		expect(props.start!.pattern).toContain('Z|[+-]');
		expect(props.precision!.enum).toEqual(['minute', 'hour', 'day', 'month', 'year']);
	});
});
