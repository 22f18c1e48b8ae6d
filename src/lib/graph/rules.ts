/**
 * What each relation and party looks like, as plain functions of what is selected: one rule
 * for the SVG and the canvas, tested without a DOM. The view only follows the answers.
 */
import type { GraphEdge, GraphNode } from './build';

/** What the reader has singled out, and what holds in the window. */
export interface Emphasis {
	/** The selected party (the address's `party`), or null. */
	party: string | null;
	/** The selected relation (the address's `rel`), or null. */
	rel: string | null;
	/** Parties a briefing step focuses, or null outside a briefing. */
	focus: ReadonlySet<string> | null;
	/** Parties and relations of the event selected on the timeline. */
	eventParties: ReadonlySet<string>;
	eventRelations: ReadonlySet<string>;
	/** Parties that take part in a relation holding in the window. */
	live: ReadonlySet<string>;
	/** The selected party and its partners in the window, or null when none is selected. */
	neighbours: ReadonlySet<string> | null;
}

type Ends = Pick<GraphEdge, 'id' | 'source' | 'target'>;

/** The selected party and every party it has a relation with among `edges`, or null. */
export function neighboursOf(party: string | null, edges: readonly Ends[]): Set<string> | null {
	if (!party) return null;
	const set = new Set([party]);
	for (const e of edges) {
		if (e.source === party) set.add(e.target);
		if (e.target === party) set.add(e.source);
	}
	return set;
}

/**
 * A relation stands out when it is selected, belongs to the selected event, touches the
 * selected party, or joins two parties a briefing step focuses.
 */
export function edgeHighlighted(e: Ends, s: Emphasis): boolean {
	return (
		e.id === s.rel ||
		s.eventRelations.has(e.id) ||
		(s.party !== null && (e.source === s.party || e.target === s.party)) ||
		(s.focus !== null && s.focus.has(e.source) && s.focus.has(e.target))
	);
}

/** Once anything is singled out, the relations that do not stand out step back. */
export function edgeFaded(e: Ends, s: Emphasis, highlighted = edgeHighlighted(e, s)): boolean {
	return (s.party !== null || s.rel !== null || s.focus !== null) && !highlighted;
}

/** A party is lit when it is selected, in the selected event, or in a step's focus. */
export function nodeLit(id: string, s: Emphasis): boolean {
	return s.eventParties.has(id) || id === s.party || (s.focus?.has(id) ?? false);
}

/**
 * A party fades when a briefing step focuses others, when it has no relation in the window,
 * or when a party is selected and it is not one of its partners.
 */
export function nodeFaded(id: string, s: Emphasis): boolean {
	return s.focus !== null
		? !s.focus.has(id)
		: !s.live.has(id) || (s.neighbours !== null && !s.neighbours.has(id));
}

/** In a crowded graph, parties named whatever the zoom; the others from LABEL_ZOOM on. */
export const LABEL_ZOOM = 2.5;
/** Past this many parties a graph is crowded: only its best connected are named at first. */
export const CROWDED = 150;
/** How many of a crowded graph's parties are named whatever the zoom. */
export const NAMED_WHEN_CROWDED = 30;

/** The parties a crowded graph names at every zoom: the best connected (none when not crowded). */
export function namedParties(nodes: readonly GraphNode[]): Set<string> {
	if (nodes.length <= CROWDED) return new Set();
	return new Set(
		[...nodes]
			.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1))
			.slice(0, NAMED_WHEN_CROWDED)
			.map((n) => n.id)
	);
}

/**
 * Whether a party's label is offered at zoom `k`: always, except in a crowded graph, where a
 * party that is neither lit, selected, hovered nor among the best connected waits for
 * LABEL_ZOOM. Offered is not drawn: labels that find no room are left out (see labels.ts).
 */
export function labelOffered(
	id: string,
	s: Emphasis,
	o: { crowded: boolean; named: ReadonlySet<string>; hovered: string | null; k: number }
): boolean {
	return !o.crowded || nodeLit(id, s) || o.named.has(id) || id === o.hovered || o.k >= LABEL_ZOOM;
}

/**
 * The order labels claim room in, most important first: the selected party, lit ones, the
 * others, then the faded; within each, the best connected first, then by id for a stable answer.
 */
export function labelRank(
	nodes: readonly Pick<GraphNode, 'id' | 'degree'>[],
	s: Emphasis
): string[] {
	const tier = (id: string) => (id === s.party ? 0 : nodeLit(id, s) ? 1 : nodeFaded(id, s) ? 3 : 2);
	return nodes
		.map((n) => ({ id: n.id, tier: tier(n.id), degree: n.degree }))
		.sort((a, b) => a.tier - b.tier || b.degree - a.degree || (a.id < b.id ? -1 : 1))
		.map((n) => n.id);
}
