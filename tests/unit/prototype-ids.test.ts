/**
 * Ids that name what every plain object inherits (issue 23). The id rule lets through the
 * lowercase names of Object.prototype's properties (constructor, tostring, valueof…); a lookup
 * kept in a plain object finds a function there for "constructor", and the party, event or
 * source with that id vanished from the view that used it. The fixture
 * (tests/fixtures/hostile/prototype-ids/) gives every side, category, party, event, source,
 * relation, casualty figure, claim and briefing such an id; every pure function a view is
 * drawn from must find every record. The browser side is tests/e2e/prototype-ids.spec.ts; the
 * ESLint rule tested last keeps plain-object lookups out of src/.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { scaleLinear } from 'd3-scale';
import { describe, expect, test } from 'vitest';
import { buildIndex } from '../../src/lib/model';
import { Id } from '../../src/lib/model/schema';
import { loadIncident } from '../../src/lib/server/load-incident';
import { activeEdges, buildGraph } from '../../src/lib/graph/build';
import { layoutGraph } from '../../src/lib/graph/layout';
import { toItems } from '../../src/lib/layout/items';
import { layoutTimeline } from '../../src/lib/layout/layout';
import { placesOf } from '../../src/lib/map/places';
import { contestedQuestions } from '../../src/lib/model/claims';
import { citingRecords } from '../../src/lib/model/citations';
import { partyDossier } from '../../src/lib/model/party';
import { eventsCsv } from '../../src/lib/model/export';
import { LANE_MODES, parseViewState } from '../../src/lib/url/view-state';
import { stepEvents, stepSources, storyById } from '../../src/lib/brief/story';
import { sideColours } from '../../src/lib/palette';

const ROOT = join(import.meta.dirname, '..', '..');
const PROTOTYPE_IDS_DIR = join('tests', 'fixtures', 'hostile', 'prototype-ids');

/** Every name on Object.prototype that, lowercased, passes the id rule. */
const NAMES = Object.getOwnPropertyNames(Object.prototype)
	.map((n) => n.toLowerCase())
	.filter((n) => Id.safeParse(n).success)
	.sort();

const result = loadIncident(PROTOTYPE_IDS_DIR, ROOT);
const model = result.model!;
const index = buildIndex(model);
const ids = (records: { id: string }[]) => records.map((r) => r.id).sort();

describe('the prototype-ids fixture', () => {
	test('is a valid incident', () => {
		expect(result.errors).toEqual([]);
	});

	test('uses every name of Object.prototype that passes the id rule, for every kind of record', () => {
		expect(NAMES).toEqual([
			'constructor',
			'hasownproperty',
			'isprototypeof',
			'propertyisenumerable',
			'tolocalestring',
			'tostring',
			'valueof'
		]);
		expect(ids(model.parties)).toEqual(NAMES);
		expect(ids(model.events)).toEqual(NAMES);
		expect(ids(model.sources)).toEqual(NAMES);
		expect(ids(model.incident.sides)).toEqual(NAMES);
		expect(ids(model.incident.categories)).toEqual(NAMES);
		expect(ids(model.relations)).toEqual(NAMES);
		expect(ids(model.casualties)).toEqual(NAMES);
		expect(model.events.flatMap((e) => e.claims ?? []).map((c) => c.id)).toContain('constructor');
		expect(model.storylines.map((s) => s.id)).toContain('constructor');
	});
});

describe('every view finds every record', () => {
	test('the lookups', () => {
		for (const id of NAMES) {
			expect(index.eventById.get(id)?.id).toBe(id);
			expect(index.partyById.get(id)?.id).toBe(id);
			expect(index.sourceById.get(id)?.id).toBe(id);
		}
		expect(index.casualtiesByEvent.get('constructor')).toHaveLength(4);
		expect(index.relationsByEvent.get('constructor')?.map((r) => r.id)).toEqual(['constructor']);
	});

	test('the graph: every party a node, every relation an edge, every position a number', () => {
		const graph = buildGraph(index);
		expect(ids(graph.nodes)).toEqual(NAMES);
		expect(ids(graph.edges)).toEqual(NAMES);
		const sides = model.incident.sides.map((s) => s.id);
		const positions = layoutGraph(graph, { sides });
		expect([...positions.keys()].sort()).toEqual(NAMES);
		for (const p of positions.values()) {
			expect(Number.isFinite(p.x)).toBe(true);
			expect(Number.isFinite(p.y)).toBe(true);
		}
		expect(activeEdges(graph, index.focus).size).toBe(7);
		expect(graph.parents.map((p) => p.child).sort()).toEqual(['tolocalestring', 'valueof']);
		const colours = sideColours(model.incident.sides);
		expect(new Set(NAMES.map((id) => colours.get(id))).size).toBe(7);
	});

	test.each(LANE_MODES)('the timeline, lanes by %s: every event a mark in its own lane', (mode) => {
		const items = toItems(model.events, mode, index.partyById);
		const records: { id: string; name: string }[] =
			mode === 'party'
				? model.parties
				: mode === 'side'
					? model.incident.sides
					: model.incident.categories;
		const lanes = records.map((l) => ({ id: l.id, name: l.name }));
		// Each event's first party, side and category share its id.
		for (const item of items) expect(item.lane).toBe(item.id);
		const x = scaleLinear().domain(index.focus).range([0, 1600]);
		const layout = layoutTimeline(items, lanes, x, 1600);
		const marks = layout.lanes.flatMap((l) => l.marks.map((m) => `${l.id}:${m.id}`));
		const strips = layout.lanes.flatMap((l) => (l.strip?.ids ?? []).map((id) => `${l.id}:${id}`));
		expect([...marks, ...strips].sort()).toEqual(NAMES.map((id) => `${id}:${id}`));
		expect(layout.lanes.map((l) => l.id).sort()).toEqual(NAMES);
	});

	test('the map: every place, and the events at it', () => {
		const places = placesOf(model.events);
		// Each place is named, and so has the id, of its one event.
		expect(ids(places)).toEqual(NAMES);
		for (const p of places) expect(p.eventIds).toEqual([p.id]);
	});

	test('the claims: every casualty figure and every version', () => {
		const q = contestedQuestions(index);
		expect(q.casualties.flatMap((c) => c.claims.map((k) => k.id)).sort()).toEqual(NAMES);
		expect(q.accounts.map((e) => e.id).sort()).toEqual(['constructor', 'tostring']);
	});

	test('the sources: each cited by its own event, party and relation', () => {
		const citing = citingRecords(model);
		for (const id of NAMES) {
			const records = (citing.get(id) ?? []).map((r) => `${r.kind} ${r.path}`);
			expect(records, id).toEqual(
				expect.arrayContaining([
					`event /events/${id}`,
					`party /parties/${id}`,
					`relation /parties/${id}`
				])
			);
		}
	});

	test('the party pages: each with its events, relations and figures', () => {
		for (const id of NAMES) {
			const d = partyDossier(index, id)!;
			expect(d.party.id).toBe(id);
			expect(d.events.map((e) => e.event.id)).toContain(id);
			expect(d.relations.map((r) => r.relation.id)).toContain(id);
			expect(d.claimed.map((c) => c.id)).toEqual([id]);
		}
		expect(partyDossier(index, 'constructor')!.members.map((p) => p.id)).toEqual(['valueof']);
	});

	test('the briefings: every step finds its events and sources', () => {
		const story = storyById(index, 'constructor')!;
		expect(story.id).toBe('constructor');
		const last = story.steps.at(-1)!;
		expect(ids(stepEvents(index, last))).toEqual(NAMES);
		expect(
			stepSources(index, last)
				.map((s) => s.source.id)
				.sort()
		).toEqual(NAMES);
		expect(storyById(index, 'tostring')?.id).toBe('tostring');
	});

	test('the address: filters and the selected party keep every such id', () => {
		const list = NAMES.join(',');
		const { state, notes } = parseViewState(
			new URLSearchParams(
				`parties=${list}&cats=${list}&party=constructor&rel=valueof&place=tostring`
			),
			{
				partyIds: new Set(NAMES),
				categoryIds: new Set(NAMES),
				relationIds: new Set(NAMES),
				placeIds: new Set(NAMES),
				span: index.span
			}
		);
		expect(notes).toEqual([]);
		expect([...state.parties].sort()).toEqual(NAMES);
		expect([...state.categories].sort()).toEqual(NAMES);
		expect(state.party).toBe('constructor');
		expect(state.rel).toBe('valueof');
		expect(state.place).toBe('tostring');
		// An id no record has is still unknown, however plain objects answer for it.
		expect(
			parseViewState(new URLSearchParams('party=constructor'), {
				partyIds: new Set(['a']),
				categoryIds: new Set(),
				span: index.span
			}).state.party
		).toBeNull();
	});

	test('the published CSV: a row for every event', () => {
		const rows = eventsCsv(model).trimEnd().split('\r\n').slice(1);
		expect(rows.map((r) => r.split(',')[0]).sort()).toEqual(NAMES);
	});
});

describe('the lint rule against plain-object lookups in src/', () => {
	const eslint = new ESLint({ cwd: ROOT });
	const lint = async (code: string, file = 'src/lib/graph/example.ts') =>
		(await eslint.lintText(code, { filePath: join(ROOT, file) }))[0]!.messages
			.filter((m) => m.ruleId === 'no-restricted-syntax')
			.map((m) => m.line);

	test('flags what lost the party "constructor", and the other ways to the same bug', async () => {
		const code = [
			'type Point = { x: number; y: number };',
			'export const pinned: Record<string, Point> = {};',
			'export const byId: { [id: string]: Point } = {};',
			'export const fromPairs = Object.fromEntries([["a", 1]]);',
			'export const has = (id: string) => id in pinned;',
			''
		].join('\n');
		expect(await lint(code)).toEqual([2, 3, 4, 5]);
	}, 30_000);

	test('lets Maps, closed unions, literal keys and parsed JSON through', async () => {
		const code = [
			"type Kind = 'a' | 'b';",
			"export const names: Record<Kind, string> = { a: 'A', b: 'B' };",
			'export const pinned = new Map<string, number>();',
			"export const hasMin = (c: object) => 'min' in c;",
			'export const parsed = JSON.parse("{}") as Record<string, unknown>;',
			''
		].join('\n');
		expect(await lint(code)).toEqual([]);
	}, 30_000);
});
