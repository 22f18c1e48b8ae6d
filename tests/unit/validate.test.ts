import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatError, jsonPath, validateIncident } from '../../src/lib/model/validate';
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
		'events.json $.events[0].parties[1].party: unknown party "green-state"',
		'events.json $.events[2].sources[0].source: unknown source "no-such-source" (not in sources.json)'
	],
	'end-before-start': [
		'events.json $.events[0].end: end 2016-09-17T15:00+03:00 is before start 2016-09-17T15:55+03:00'
	],
	'impossible-date': [
		'events.json $.events[2].start: "2016-02-30T00:00+03:00" is not a real date-time'
	],
	'wrong-type': [
		'events.json $.events[1].approximate: must be a boolean, got the string "yes"',
		'events.json $.events[1]: unknown field "colour"'
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
		'events.json $.events[0].category: unknown category "weather"',
		'events.json $.events[1].end: end 2016-09-17T16:00+03:00 is before start 2016-09-17T16:25+03:00',
		'relations.json $.relations[0].to: a relation must join two different parties'
	],
	'bad-counts': [
		'casualties.json $.casualties[0].killed.max: max must not be below min',
		'casualties.json $.casualties[1].wounded: must be a whole number, {"min", "max"}, {"atLeast"}, {"about"} or {"moreThan"}'
	],
	'missing-file': ['relations.json $: file is missing from the incident folder'],
	'bad-storyline': [
		'storylines.json $.storylines[0].steps[1].window.end: end 2016-09-17T17:00+03:00 must be after start 2016-09-17T18:00+03:00',
		'storylines.json $.storylines[0].steps[1].events[1]: unknown event "no-such-event"',
		'storylines.json $.storylines[0].steps[1].events: names an event more than once',
		'storylines.json $.storylines[0].steps[1].parties[0]: unknown party "green-state"',
		'storylines.json $.storylines[0].steps[1].views: names a view more than once',
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
			'parties.json $.parties[0].parent.party: a party cannot be its own parent',
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
		const all = { ...fileSchemas(), 'incident.schema.json': incidentSchema() };
		for (const [name, schema] of Object.entries(all)) {
			const onDisk = JSON.parse(readFileSync(join(dir, name), 'utf8'));
			expect(onDisk, name).toEqual(schema);
		}
	});

	test('the events schema requires an offset pattern and lists the precisions', () => {
		const events = fileSchemas()['events.schema.json'] as {
			properties: {
				events: { items: { properties: Record<string, { pattern?: string; enum?: string[] }> } };
			};
		};
		const props = events.properties.events.items.properties;
		expect(props.start!.pattern).toContain('Z|[+-]');
		expect(props.precision!.enum).toEqual(['minute', 'hour', 'day', 'month', 'year']);
	});
});
