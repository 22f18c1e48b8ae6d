/**
 * The graph's visual rules as behaviour: what stands out and what steps back when a reader
 * selects a party, a relation or an event, and when a briefing step focuses a few parties.
 */
import { describe, expect, test } from 'vitest';
import {
	edgeFaded,
	edgeHighlighted,
	labelOffered,
	labelRank,
	LABEL_ZOOM,
	namedParties,
	neighboursOf,
	nodeFaded,
	nodeLit,
	type Emphasis
} from '../../src/lib/graph/rules';
import { EDGE_STYLE, FAMILY_MARK, type GraphNode } from '../../src/lib/graph/build';

// A small picture: a–b and b–c hold in the window, d has no relation in it.
const edges = [
	{ id: 'ab', source: 'a', target: 'b' },
	{ id: 'bc', source: 'b', target: 'c' }
];
const live = new Set(['a', 'b', 'c']);
const nothing: Emphasis = {
	party: null,
	rel: null,
	focus: null,
	eventParties: new Set(),
	eventRelations: new Set(),
	live,
	neighbours: null
};
const withParty = (party: string): Emphasis => ({
	...nothing,
	party,
	neighbours: neighboursOf(party, edges)
});
const highlighted = (s: Emphasis) => edges.filter((e) => edgeHighlighted(e, s)).map((e) => e.id);
const faded = (s: Emphasis) => ['a', 'b', 'c', 'd'].filter((id) => nodeFaded(id, s));

describe('with nothing selected', () => {
	test('no relation stands out or steps back; only a party with no relation in the window fades', () => {
		expect(highlighted(nothing)).toEqual([]);
		expect(edges.some((e) => edgeFaded(e, nothing))).toBe(false);
		expect(faded(nothing)).toEqual(['d']);
	});
});

describe('a selected party', () => {
	test('its relations stand out and the others step back', () => {
		const s = withParty('a');
		expect(highlighted(s)).toEqual(['ab']);
		expect(edges.filter((e) => edgeFaded(e, s)).map((e) => e.id)).toEqual(['bc']);
	});

	test('it and its partners stay; every other party fades', () => {
		expect(faded(withParty('a'))).toEqual(['c', 'd']);
		expect(faded(withParty('b'))).toEqual(['d']);
		expect(nodeLit('a', withParty('a'))).toBe(true);
		expect(nodeLit('b', withParty('a'))).toBe(false);
	});
});

describe('a selected relation', () => {
	test('stands out alone, and the others step back', () => {
		const s = { ...nothing, rel: 'bc' };
		expect(highlighted(s)).toEqual(['bc']);
		expect(edgeFaded(edges[0]!, s)).toBe(true);
	});
});

describe('the event selected on the timeline', () => {
	test('lights its parties and its relations, and fades nothing by itself', () => {
		const s = { ...nothing, eventParties: new Set(['c']), eventRelations: new Set(['bc']) };
		expect(highlighted(s)).toEqual(['bc']);
		expect(nodeLit('c', s)).toBe(true);
		expect(faded(s)).toEqual(['d']);
		expect(edgeFaded(edges[0]!, s)).toBe(false);
	});
});

describe("a briefing step's focus", () => {
	test('relations within the focus stand out; parties outside it fade, live or not', () => {
		const s = { ...nothing, focus: new Set(['a', 'b']) };
		expect(highlighted(s)).toEqual(['ab']);
		expect(faded(s)).toEqual(['c', 'd']);
		expect(nodeLit('a', s)).toBe(true);
	});
});

describe('labels', () => {
	const node = (id: string, degree: number) => ({ id, degree }) as GraphNode;

	test('claim room in order: the selected party, lit ones, the others, then the faded', () => {
		const s = { ...withParty('b'), eventParties: new Set(['c']) };
		// d is faded (no relation); a is a plain partner of b.
		const order = labelRank([node('d', 9), node('a', 1), node('c', 1), node('b', 2)], s);
		expect(order).toEqual(['b', 'c', 'a', 'd']);
	});

	test('the best connected claim room first within a tier, ties by id', () => {
		expect(labelRank([node('x', 1), node('y', 5), node('w', 1)], nothing)).toEqual(['y', 'w', 'x']);
	});

	test('a graph of a few dozen parties offers every label; a crowded one its best connected', () => {
		const few = Array.from({ length: 40 }, (_, i) => node(`p${i}`, i));
		expect(namedParties(few).size).toBe(0);
		const many = Array.from({ length: 400 }, (_, i) => node(`p${i}`, i));
		const named = namedParties(many);
		expect(named.size).toBe(30);
		expect(named.has('p399')).toBe(true);
		const o = { crowded: true, named, hovered: null, k: 1 };
		expect(labelOffered('p399', nothing, o)).toBe(true);
		expect(labelOffered('p1', nothing, o)).toBe(false);
		expect(labelOffered('p1', nothing, { ...o, hovered: 'p1' })).toBe(true);
		expect(labelOffered('p1', withParty('p1'), o)).toBe(true);
		expect(labelOffered('p1', nothing, { ...o, k: LABEL_ZOOM })).toBe(true);
		expect(labelOffered('p1', nothing, { ...o, crowded: false })).toBe(true);
	});
});

describe('relation styles', () => {
	test('no two relation types share both dash and mark: colour is never all that tells them apart', () => {
		const seen = new Map<string, string>();
		for (const [type, style] of Object.entries(EDGE_STYLE)) {
			const look = `${style.dash}|${FAMILY_MARK[style.family]}`;
			expect(seen.get(look), `${type} looks like ${seen.get(look)}`).toBeUndefined();
			seen.set(look, type);
		}
	});
});
