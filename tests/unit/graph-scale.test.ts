/**
 * The big graph's pure parts: the grid that finds the party under the pointer must give the
 * brute-force answer at every zoom; the level of detail must drop arrowheads and dashes only
 * when a frame holds thousands of edges; labels that fit must never overlap; and the shared edge
 * geometry must keep drawing the SVG edges it drew before.
 */
import { describe, expect, test } from 'vitest';
import { mulberry32 as seededRandom } from '../../src/lib/random';
import { buildNodeIndex, hitNode, hitNodeBrute, type HitNode } from '../../src/lib/graph/hit';
import {
	edgeDetail,
	fitLabels,
	fitLabelsBrute,
	usesCanvas,
	type LabelBox
} from '../../src/lib/graph/detail';
import { curvePath, edgeBends, edgeCurve } from '../../src/lib/graph/geometry';
import { drawScene, type Scene, type SceneNode } from '../../src/lib/graph/canvas';

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

/** `n` label boxes of random widths, seeded, scattered over a 1440 × 900 screen. */
function randomBoxes(seed: number, n: number): LabelBox[] {
	const random = seededRandom(seed);
	return Array.from({ length: n }, () => ({
		x: random() * 1440,
		y: random() * 900,
		w: 20 + random() * 120,
		h: 14
	}));
}

describe('fitLabels', () => {
	test('keeps the first of two overlapping labels and both of two apart', () => {
		const a = { x: 100, y: 100, w: 60, h: 14 };
		expect(fitLabels([a, { ...a, x: 130 }])).toEqual([0]);
		expect(fitLabels([a, { ...a, x: 170 }])).toEqual([0, 1]);
		expect(fitLabels([a, { ...a, y: 120 }])).toEqual([0, 1]);
	});

	test('gives the same labels as comparing every pair, and none of them overlap', () => {
		const boxes = randomBoxes(9, 800);
		const kept = fitLabels(boxes);
		expect(kept).toEqual(fitLabelsBrute(boxes));
		expect(kept.length).toBeGreaterThan(50);
		for (const i of kept)
			for (const j of kept) {
				if (i >= j) continue;
				const [a, b] = [boxes[i]!, boxes[j]!];
				const apart = Math.abs(a.x - b.x) >= (a.w + b.w) / 2 || Math.abs(a.y - b.y) >= a.h;
				expect(apart).toBe(true);
			}
	});
});

describe('labels kept clear of what SVG draws on top', () => {
	test('fixed boxes are kept whatever they overlap, and the others keep clear of them', () => {
		const a = { x: 100, y: 100, w: 60, h: 14 };
		// Two fixed boxes on top of each other both stand; a label over either is dropped.
		expect(fitLabels([a, { ...a, x: 110 }, { ...a, x: 150 }, { ...a, x: 250 }], 2, 64, 2)).toEqual([
			0, 1, 3
		]);
		const boxes = randomBoxes(4, 600);
		expect(fitLabels(boxes, 2, 64, 40)).toEqual(fitLabelsBrute(boxes, 2, 40));
	});

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
		// A hub at (400, 300) in SVG; one party just below it, whose label would fall on the
		// hub's label, one whose label would cross the hub's shape, and one well away.
		const hub = node('hub', 400, 300, 16);
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
		drawScene(withHub.ctx, scene([hub]), view, 800, 600, theme);
		expect(withHub.written.map((w) => w.text)).toEqual(['Party away']);
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
