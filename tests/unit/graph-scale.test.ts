/**
 * The big graph's pure parts: the grid that finds the party under the pointer must give the
 * brute-force answer at every zoom; the level of detail must drop arrowheads and dashes only
 * when a frame holds thousands of edges; labels that fit must never overlap; and the shared edge
 * geometry must keep drawing the SVG edges it drew before.
 */
import { describe, expect, test } from 'vitest';
import { mulberry32 as seededRandom } from '../../src/lib/random';
import { buildNodeIndex, hitNode, hitNodeBrute, type HitNode } from '../../src/lib/graph/hit';
import { edgeDetail, usesCanvas } from '../../src/lib/graph/detail';
import { curvePath, edgeBends, edgeCurve } from '../../src/lib/graph/geometry';
import {
	drawScene,
	LABEL_BASELINE,
	LABEL_HEIGHT,
	type Scene,
	type SceneNode
} from '../../src/lib/graph/canvas';
import { overlaps } from '../../src/lib/graph/labels';

describe('hitNode', () => {
	const random = seededRandom(5);
	const nodes: HitNode[] = Array.from({ length: 2000 }, (_, i) => ({
		id: `p${i}`,
		x: (random() - 0.5) * 4000,
		y: (random() - 0.5) * 3000,
		r: 7 + random() * 9
	}));
	const index = buildNodeIndex(nodes);

	test.each([0.02, 0.1, 0.3, 1, 2.5, 6])('matches the brute-force answer at zoom %f', (k) => {
		const view = { k, x: 700, y: 450 };
		for (let i = 0; i < 3000; i++) {
			const sx = random() * 1440;
			const sy = random() * 900;
			expect(hitNode(index, view, sx, sy)?.id ?? null).toBe(
				hitNodeBrute(nodes, view, sx, sy)?.id ?? null
			);
		}
	});

	test('a point on a party finds it; one just outside its shape and padding does not', () => {
		const one = buildNodeIndex([{ id: 'a', x: 10, y: 10, r: 8 }]);
		const view = { k: 2, x: 100, y: 50 };
		expect(hitNode(one, view, 120, 70)?.id).toBe('a');
		expect(hitNode(one, view, 120 + 11.9, 70)?.id).toBe('a');
		expect(hitNode(one, view, 120 + 12.1, 70)).toBeNull();
	});

	test('of two overlapping parties, the one whose centre is nearer wins', () => {
		const two = [
			{ id: 'big', x: 0, y: 0, r: 16 },
			{ id: 'small', x: 10, y: 0, r: 7 }
		];
		const view = { k: 1, x: 0, y: 0 };
		expect(hitNode(buildNodeIndex(two), view, 8, 0)?.id).toBe('small');
		expect(hitNode(buildNodeIndex(two), view, 3, 0)?.id).toBe('big');
	});
});

describe('level of detail', () => {
	test.each([
		[40, 80, false],
		[250, 1000, false],
		[251, 10, true],
		[30, 1001, true],
		[2000, 5000, true]
	])('%i parties and %i relations use the canvas: %s', (parties, relations, expected) => {
		expect(usesCanvas(parties, relations)).toBe(expected);
	});

	test.each([
		[10, { arrows: true, dashes: true }],
		[1500, { arrows: true, dashes: true }],
		[1501, { arrows: false, dashes: true }],
		[2501, { arrows: false, dashes: false }]
	])('%i edges on screen: %o', (n, expected) => {
		expect(edgeDetail(n)).toEqual(expected);
	});
});

describe('labels kept clear of what SVG draws on top', () => {
	/** A context that records the labels written, with text 7 px a character wide. */
	function labelContext() {
		const written: { text: string; x: number; y: number }[] = [];
		const ctx = new Proxy({} as Record<string, unknown>, {
			get: (t, k: string) =>
				k in t
					? t[k]
					: k === 'measureText'
						? (text: string) => ({ width: text.length * 7 })
						: k === 'fillText'
							? (text: string, x: number, y: number) => void written.push({ text, x, y })
							: () => undefined,
			set: (t, k: string, v) => {
				t[k] = v;
				return true;
			}
		});
		return { ctx: ctx as unknown as CanvasRenderingContext2D, written };
	}
	const node = (id: string, x: number, y: number, r = 8): SceneNode => ({
		id,
		x,
		y,
		r,
		shape: 'circle',
		colour: '#0072b2',
		faded: false,
		label: `Party ${id}`,
		zoomed: false
	});
	const theme = { ink: '#111', panel: '#fff', rule: '#999', font: 'sans-serif' };

	test('no canvas label lies under a party drawn in SVG, or under its label', () => {
		// A hub at (400, 300) in SVG with its label below it; one party just below the hub,
		// whose label would fall on the hub's label, one whose label would cross the hub's
		// shape, and one well away.
		const hub = node('hub', 400, 300, 16);
		const hubLabel = { x0: 360, y0: 323, x1: 440, y1: 340 };
		const under = node('under', 402, 306);
		const across = node('across', 400, 270);
		const away = node('away', 100, 100);
		const scene = (above: SceneNode[]): Scene => ({
			links: [],
			edges: [],
			nodes: [away, across, under],
			above,
			labelZoom: 2.5
		});
		const view = { k: 1, x: 0, y: 0 };
		const alone = labelContext();
		drawScene(alone.ctx, scene([]), view, 800, 600, theme);
		expect(alone.written.map((w) => w.text).sort()).toEqual([
			'Party across',
			'Party away',
			'Party under'
		]);
		const withHub = labelContext();
		drawScene(withHub.ctx, scene([hub]), view, 800, 600, theme, [hubLabel]);
		const hubShape = { x0: 400 - 19.2, y0: 300 - 19.2, x1: 400 + 19.2, y1: 300 + 19.2 };
		expect(withHub.written.map((w) => w.text)).toContain('Party away');
		for (const w of withHub.written) {
			const width = w.text.length * 7;
			const box = {
				x0: w.x - width / 2,
				x1: w.x + width / 2,
				y0: w.y - LABEL_BASELINE,
				y1: w.y - LABEL_BASELINE + LABEL_HEIGHT
			};
			expect(overlaps(box, hubShape), w.text).toBe(false);
			expect(overlaps(box, hubLabel), w.text).toBe(false);
		}
	});
});

describe('edge geometry', () => {
	test('a straight edge stops at the rim of its target, as the SVG path always did', () => {
		expect(curvePath(edgeCurve({ x: 0, y: 0 }, { x: 100, y: 0 }, 10, 0))).toBe('M0,0 Q45,0 90,0');
	});

	test('parallel relations between two parties fan out to alternate sides', () => {
		const e = (id: string, source: string, target: string) => ({ id, source, target });
		const bends = edgeBends([
			e('1', 'a', 'b'),
			e('2', 'b', 'a'),
			e('3', 'a', 'b'),
			e('4', 'a', 'c')
		]);
		expect([...bends.values()]).toEqual([0, 22, -22, 0]);
		const bowed = edgeCurve({ x: 0, y: 0 }, { x: 100, y: 0 }, 10, 22);
		expect(bowed.cy).toBe(22);
	});
});
