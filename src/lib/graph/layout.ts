/**
 * A seeded force layout: the same incident and seed give the same positions on every load and
 * in every browser, so a screenshot in a briefing matches the live page. It runs a fixed number
 * of ticks synchronously; drawing is someone else's job.
 */
import {
	forceCollide,
	forceLink,
	forceManyBody,
	forceSimulation,
	forceX,
	forceY,
	type SimulationLinkDatum,
	type SimulationNodeDatum
} from 'd3-force';
import type { PartyGraph } from './build';
import { mulberry32 } from '../random';

export interface Point {
	x: number;
	y: number;
}

export interface LayoutOptions {
	seed: number;
	ticks: number;
	/** Side ids in order: each side gets a sector of the circle, in this order. */
	sides: string[];
	/** Distance of side centres from the middle. */
	radius: number;
}

export const DEFAULT_GRAPH_LAYOUT: Omit<LayoutOptions, 'sides'> = {
	seed: 17,
	ticks: 300,
	radius: 380
};

interface Node extends SimulationNodeDatum {
	id: string;
	side: string;
	r: number;
}

/** Node radius grows gently with the number of relations. */
export function nodeRadius(degree: number): number {
	return 7 + Math.min(9, Math.sqrt(degree) * 2.4);
}

/** What the force layout needs of a graph: small enough to send to a worker. */
export interface GraphInput {
	nodes: { id: string; side: string; degree: number }[];
	links: { source: string; target: string }[];
}

export function graphInput(graph: PartyGraph): GraphInput {
	return {
		nodes: graph.nodes.map((n) => ({ id: n.id, side: n.party.side, degree: n.degree })),
		links: [
			...graph.edges.map((e) => ({ source: e.source, target: e.target })),
			...graph.parents.map((p) => ({ source: p.child, target: p.parent }))
		]
	};
}

export function layoutGraph(
	graph: PartyGraph,
	options: Partial<LayoutOptions> & Pick<LayoutOptions, 'sides'>
): Map<string, Point> {
	return layoutGraphInput(graphInput(graph), options);
}

/**
 * The seeded force layout itself. `onProgress` hears the share of ticks done, every few ticks,
 * so a worker laying out thousands of parties can say how far it has got.
 */
export function layoutGraphInput(
	input: GraphInput,
	options: Partial<LayoutOptions> & Pick<LayoutOptions, 'sides'>,
	onProgress: (fraction: number) => void = () => {}
): Map<string, Point> {
	const o = { ...DEFAULT_GRAPH_LAYOUT, ...options };
	const random = mulberry32(o.seed);
	const centre = new Map(
		o.sides.map((side, i) => {
			const angle = -Math.PI / 2 + (2 * Math.PI * i) / o.sides.length;
			return [side, { x: Math.cos(angle) * o.radius, y: Math.sin(angle) * o.radius }];
		})
	);
	const nodes: Node[] = input.nodes.map((n) => {
		const c = centre.get(n.side) ?? { x: 0, y: 0 };
		return {
			id: n.id,
			side: n.side,
			r: nodeRadius(n.degree),
			x: c.x + (random() - 0.5) * 80,
			y: c.y + (random() - 0.5) * 80
		};
	});
	const links: SimulationLinkDatum<Node>[] = input.links.map((l) => ({ ...l }));
	const simulation = forceSimulation(nodes)
		.randomSource(random)
		.force(
			'link',
			forceLink<Node, SimulationLinkDatum<Node>>(links)
				.id((d) => d.id)
				.distance(120)
				.strength(0.25)
		)
		.force('charge', forceManyBody<Node>().strength(-420))
		.force(
			'collide',
			forceCollide<Node>((d) => d.r + 34)
		)
		.force('x', forceX<Node>((d) => centre.get(d.side)?.x ?? 0).strength(0.12))
		.force('y', forceY<Node>((d) => centre.get(d.side)?.y ?? 0).strength(0.12))
		.stop();
	for (let i = 0; i < o.ticks; i++) {
		simulation.tick();
		if (i % 10 === 9) onProgress((i + 1) / o.ticks);
	}
	// Round so that tiny floating-point differences between engines cannot show.
	return new Map(
		nodes.map((n) => [n.id, { x: Math.round(n.x! * 10) / 10, y: Math.round(n.y! * 10) / 10 }])
	);
}
