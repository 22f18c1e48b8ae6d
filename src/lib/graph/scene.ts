/**
 * What the canvas of a big graph draws (see canvas.ts), built from the graph and the rules:
 * everything the SVG on top does not draw, in layout coordinates, so a zoom only redraws it.
 */
import { EDGE_STYLE, FAMILY_MARK, NODE_SHAPE, type GraphEdge, type GraphNode } from './build';
import type { Scene, SceneNode } from './canvas';
import { nodeRadius, type Point } from './layout';
import { edgeFaded, edgeHighlighted, nodeFaded, type Emphasis } from './rules';
import type { RelationFamily } from '../palette';

export interface SceneInput {
	parents: readonly { child: string; parent: string }[];
	/** Relations holding in the window. */
	edges: readonly GraphEdge[];
	/** Parties in drawing order (least connected first, so hubs are drawn on top). */
	nodes: readonly GraphNode[];
	/** What the SVG on top draws: left out here. */
	inSvg: { edges: ReadonlySet<string>; nodes: ReadonlySet<string> };
	/** The parties drawn in SVG, for the canvas to keep its labels clear of them. */
	above: readonly GraphNode[];
	at: (id: string) => Point;
	emphasis: Emphasis;
	sideColour: (side: string) => string;
	familyColour: Record<RelationFamily, string>;
	bends: ReadonlyMap<string, number>;
	degree: ReadonlyMap<string, number>;
	label: (id: string) => string;
	/** Whether a party's label waits for the zoom to reach `labelZoom`. */
	zoomed: (id: string) => boolean;
	labelZoom: number;
}

export function graphScene(i: SceneInput): Scene {
	const node = (n: GraphNode): SceneNode => {
		const p = i.at(n.id);
		return {
			id: n.id,
			x: p.x,
			y: p.y,
			r: nodeRadius(n.degree),
			shape: NODE_SHAPE[n.party.kind],
			colour: i.sideColour(n.party.side),
			faded: nodeFaded(n.id, i.emphasis),
			label: i.label(n.id),
			zoomed: i.zoomed(n.id)
		};
	};
	return {
		links: i.parents.map((p) => {
			const [a, b] = [i.at(p.child), i.at(p.parent)];
			return { ax: a.x, ay: a.y, bx: b.x, by: b.y };
		}),
		edges: i.edges
			.filter((e) => !i.inSvg.edges.has(e.id))
			.map((e) => {
				const [a, b] = [i.at(e.source), i.at(e.target)];
				const style = EDGE_STYLE[e.relation.type];
				const highlighted = edgeHighlighted(e, i.emphasis);
				return {
					ax: a.x,
					ay: a.y,
					bx: b.x,
					by: b.y,
					rim: nodeRadius(i.degree.get(e.target) ?? 1) + 4,
					bend: i.bends.get(e.id) ?? 0,
					colour: i.familyColour[style.family],
					dash: style.dash,
					mark: FAMILY_MARK[style.family],
					directed: e.relation.directed,
					faded: edgeFaded(e, i.emphasis, highlighted),
					highlighted
				};
			}),
		nodes: i.nodes.filter((n) => !i.inSvg.nodes.has(n.id)).map(node),
		above: i.above.map(node),
		labelZoom: i.labelZoom
	};
}
