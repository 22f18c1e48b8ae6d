/**
 * The party graph: parties are nodes, relations are edges, and time decides which edges hold.
 * Positions are laid out once over every relation in the incident (see layout.ts), so moving
 * through time shows edges appear and disappear without the picture jumping about.
 */
import type { ModelIndex } from '../model';
import type { Party, PartyKind, Relation, RelationType } from '../model/schema';
import { parseInstant } from '../model/time';
import type { RelationFamily } from '../palette';

export interface GraphNode {
	id: string;
	party: Party;
	/** Number of relations this party takes part in over the whole incident. */
	degree: number;
}

export interface GraphEdge {
	id: string;
	relation: Relation;
	source: string;
	target: string;
	/** When the relation holds, ms; open ends are infinite. */
	from: number;
	to: number;
}

export interface PartyGraph {
	nodes: GraphNode[];
	edges: GraphEdge[];
	/** Parent links (a unit to its force, a person to their organisation) among the nodes. */
	parents: { child: string; parent: string; role: string }[];
}

/**
 * The graph of every relation in the incident, with each party that takes part in one. Parties
 * in `also` are drawn too though they take part in none (a briefing's focus), each with the
 * chain of bodies it belongs to up to one in the graph, so its "part of" line places it.
 */
export function buildGraph(index: ModelIndex, also: Iterable<string> = []): PartyGraph {
	const degree = new Map<string, number>();
	const edges: GraphEdge[] = index.model.relations.map((r) => {
		degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
		degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
		return {
			id: r.id,
			relation: r,
			source: r.from,
			target: r.to,
			from: r.start ? parseInstant(r.start) : -Infinity,
			to: r.end ? parseInstant(r.end) : Infinity
		};
	});
	const wanted = new Set(degree.keys());
	for (const id of also) {
		// Up the chain of bodies until one already wanted (a cycle stops there too).
		for (let p = index.partyById.get(id); p && !wanted.has(p.id);) {
			wanted.add(p.id);
			p = p.parent ? index.partyById.get(p.parent.party) : undefined;
		}
	}
	// Keep the incident's own order of parties, so the layout's input is stable.
	const nodes = index.model.parties
		.filter((p) => wanted.has(p.id))
		.map((party) => ({ id: party.id, party, degree: degree.get(party.id) ?? 0 }));
	const inGraph = new Set(nodes.map((n) => n.id));
	const parents = nodes
		.filter((n) => n.party.parent && inGraph.has(n.party.parent.party))
		.map((n) => ({ child: n.id, parent: n.party.parent!.party, role: n.party.parent!.role }));
	return { nodes, edges, parents };
}

/** True when the relation holds at some moment of the window [a, b]. */
export function holdsDuring(edge: Pick<GraphEdge, 'from' | 'to'>, a: number, b: number): boolean {
	return edge.from <= b && edge.to >= a;
}

/** The ids of the edges that hold during the window. */
export function activeEdges(graph: PartyGraph, window: [number, number]): Set<string> {
	return new Set(graph.edges.filter((e) => holdsDuring(e, window[0], window[1])).map((e) => e.id));
}

/**
 * A glyph drawn at the middle of each relation, by family: with the dash pattern it tells every
 * type apart without colour (ties carry none).
 */
export type EdgeMark = 'none' | 'dot' | 'bar' | 'ring';

export const FAMILY_MARK: Record<RelationFamily, EdgeMark> = {
	tie: 'none',
	contact: 'dot',
	hostile: 'bar',
	inquiry: 'ring'
};

/**
 * How each kind of relation is drawn: the family decides colour and the mark at its middle, the
 * dash pattern the type within its family. No two types share both dash and mark.
 */
export const EDGE_STYLE: Record<
	RelationType,
	{ family: RelationFamily; dash: string; label: string }
> = {
	'allied-with': { family: 'tie', dash: '', label: 'allied with' },
	'member-of': { family: 'tie', dash: '1 3', label: 'member of' },
	'co-brokered': { family: 'tie', dash: '9 3 2 3', label: 'co-brokered with' },
	'cooperated-with': { family: 'tie', dash: '6 3', label: 'cooperated with' },
	'deconfliction-channel': { family: 'contact', dash: '', label: 'deconfliction channel' },
	notified: { family: 'contact', dash: '5 3', label: 'notified' },
	called: { family: 'contact', dash: '1.5 2.5', label: 'called' },
	fighting: { family: 'hostile', dash: '', label: 'fighting' },
	accused: { family: 'hostile', dash: '6 3', label: 'accused' },
	denied: { family: 'hostile', dash: '2 3', label: 'denied' },
	'suspended-cooperation': {
		family: 'hostile',
		dash: '10 3 2 3',
		label: 'suspended cooperation with'
	},
	investigated: { family: 'inquiry', dash: '8 3', label: 'investigated' },
	convened: { family: 'inquiry', dash: '', label: 'convened' }
};

/** Node shapes by party kind, so kind never rests on colour alone. */
export const NODE_SHAPE: Record<
	PartyKind,
	'circle' | 'square' | 'diamond' | 'triangle' | 'hexagon'
> = {
	state: 'circle',
	'government-body': 'square',
	'armed-force': 'triangle',
	unit: 'triangle',
	coalition: 'hexagon',
	'international-organisation': 'diamond',
	ngo: 'diamond',
	'armed-group': 'triangle',
	media: 'square',
	person: 'circle'
};
