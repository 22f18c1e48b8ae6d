import { describe, expect, test } from 'vitest';
import { buildIndex } from '../../src/lib/model';
import { loadIncident } from '../../src/lib/server/load-incident';
import { activeEdges, buildGraph, holdsDuring } from '../../src/lib/graph/build';
import { layoutGraph } from '../../src/lib/graph/layout';
import { mulberry32 as seededRandom } from '../../src/lib/random';
import { parseInstant } from '../../src/lib/model/time';
import { join } from 'node:path';

const index = buildIndex(
	loadIncident('deir-ez-zor-2016', join(import.meta.dirname, '..', '..')).model!
);
const graph = buildGraph(index);
const sides = index.model.incident.sides.map((s) => s.id);
const at = (iso: string): [number, number] => [parseInstant(iso), parseInstant(iso)];

describe('buildGraph', () => {
	test('every relation is an edge, and every party in one is a node', () => {
		expect(graph.edges).toHaveLength(index.model.relations.length);
		const nodeIds = new Set(graph.nodes.map((n) => n.id));
		for (const e of graph.edges) {
			expect(nodeIds.has(e.source)).toBe(true);
			expect(nodeIds.has(e.target)).toBe(true);
		}
	});

	test('a party asked for though in no relation is a node, with its chain of bodies', () => {
		const related = new Set(graph.nodes.map((n) => n.id));
		// A party in no relation whose parent is in none either (found in the data, not named).
		const loner = index.model.parties.find(
			(p) => !related.has(p.id) && p.parent && !related.has(p.parent.party)
		)!;
		expect(loner).toBeDefined();
		const withLoner = buildGraph(index, [loner.id]);
		const ids = new Set(withLoner.nodes.map((n) => n.id));
		expect(ids.has(loner.id)).toBe(true);
		expect(withLoner.nodes.find((n) => n.id === loner.id)!.degree).toBe(0);
		// Its parent is drawn too, and tied to it by a "part of" line.
		expect(ids.has(loner.parent!.party)).toBe(true);
		expect(withLoner.parents).toContainEqual(
			expect.objectContaining({ child: loner.id, parent: loner.parent!.party })
		);
		// Nothing else is added, and the relations are the same.
		expect(withLoner.edges).toEqual(graph.edges);
		for (const n of withLoner.nodes) {
			if (related.has(n.id) || n.id === loner.id) continue;
			// Only bodies the loner belongs to, directly or not.
			let p = index.partyById.get(loner.id);
			let found = false;
			while (p?.parent && !found) {
				found = p.parent.party === n.id;
				p = index.partyById.get(p.parent.party);
			}
			expect(found, n.id).toBe(true);
		}
	});

	test.each([
		// [from, to] windows against a relation holding from a start with no end.
		[{ from: 10, to: Infinity }, 0, 5, false],
		[{ from: 10, to: Infinity }, 0, 10, true],
		[{ from: 10, to: 20 }, 21, 30, false],
		[{ from: -Infinity, to: 20 }, 0, 1, true]
	])('holdsDuring(%o, %i, %i) is %s', (edge, a, b, expected) => {
		expect(holdsDuring(edge, a, b)).toBe(expected);
	});

	test('the deconfliction channel holds on the strike day; the suspension of bilateral channels does not yet', () => {
		const strike = activeEdges(graph, at('2016-09-17T16:00+03:00'));
		const channel = graph.edges.find((e) => e.relation.type === 'deconfliction-channel')!;
		const suspended = graph.edges.find((e) => e.relation.type === 'suspended-cooperation')!;
		expect(strike.has(channel.id)).toBe(true);
		expect(strike.has(suspended.id)).toBe(false);
		expect(activeEdges(graph, at('2016-10-10T12:00+03:00')).has(suspended.id)).toBe(true);
	});

	test('before the 2015 memorandum there is no deconfliction channel', () => {
		const channel = graph.edges.find((e) => e.relation.type === 'deconfliction-channel')!;
		expect(activeEdges(graph, at('2015-06-01T12:00+03:00')).has(channel.id)).toBe(false);
	});
});

describe('layoutGraph', () => {
	test('the same seed gives the same picture, run after run', () => {
		const a = layoutGraph(graph, { sides });
		const b = layoutGraph(buildGraph(index), { sides });
		expect([...b.entries()]).toEqual([...a.entries()]);
	});

	test('a different seed gives a different picture', () => {
		const a = layoutGraph(graph, { sides, seed: 1 });
		const b = layoutGraph(graph, { sides, seed: 2 });
		expect([...b.values()]).not.toEqual([...a.values()]);
	});

	test('every node gets a finite position and no two nodes sit on each other', () => {
		const pos = layoutGraph(graph, { sides });
		const points = [...pos.values()];
		expect(points).toHaveLength(graph.nodes.length);
		for (const p of points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
		for (let i = 0; i < points.length; i++)
			for (let j = i + 1; j < points.length; j++)
				expect(
					Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y)
				).toBeGreaterThan(10);
	});

	test('the seeded generator is reproducible', () => {
		const r1 = seededRandom(42);
		const r2 = seededRandom(42);
		expect(Array.from({ length: 5 }, r1)).toEqual(Array.from({ length: 5 }, r2));
	});
});

describe('places', () => {
	test('events at the same coordinates share one place; ids are unique and URL-safe', async () => {
		const { placesOf } = await import('../../src/lib/map/places');
		const places = placesOf(index.chronological);
		const ids = places.map((p) => p.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		const located = index.model.events.filter((e) => e.location).length;
		expect(places.reduce((n, p) => n + p.eventIds.length, 0)).toBe(located);
		const tharda = places.find((p) => p.name.startsWith('Jabal al-Tharda'))!;
		expect(tharda.precision).toBe('approximate');
		expect(tharda.eventIds).toContain('strike-window-us-investigation');
	});
});

describe('contestedQuestions', () => {
	test('groups casualty figures by event, most-claimed first, each in the order claimed', async () => {
		const { contestedQuestions } = await import('../../src/lib/model/claims');
		const { casualties, accounts } = contestedQuestions(index);
		expect(casualties[0]!.event.id).toBe('coalition-airstrike-jabal-al-tharda');
		const dates = casualties[0]!.claims.map((c) => c.claimedOn);
		expect(dates).toEqual([...dates].sort());
		expect(casualties.reduce((n, g) => n + g.claims.length, 0)).toBe(index.model.casualties.length);
		expect(accounts.every((e) => e.disputed && e.claims!.length >= 2)).toBe(true);
		expect(accounts.map((e) => e.id)).toContain('convoy-attack-urum-al-kubra');
	});
});
