/**
 * Label placement, checked against brute force: whatever the parties, no two placed labels
 * overlap, none overlaps a party's shape, none leaves the plot, and the most important label
 * always finds a place when one exists. Guards "IS" + "UN Security Council" printed as one.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
	leaderEnd,
	overlaps,
	placeLabels,
	shapeBox,
	type Box,
	type LabelCandidate
} from '../../src/lib/graph/labels';

const inside = (b: Box, width: number, height: number) =>
	b.x0 >= 0 && b.y0 >= 0 && b.x1 <= width && b.y1 <= height;

/** Every pair compared: the property the grid must keep. */
function checkPlacement(cands: LabelCandidate[], width: number, height: number) {
	const obstacles = cands.map(shapeBox);
	const { placed, hidden } = placeLabels(cands, { width, height, obstacles });
	expect(placed.length + hidden.length).toBe(cands.length);
	for (let i = 0; i < placed.length; i++) {
		const a = placed[i]!.box;
		expect(inside(a, width, height)).toBe(true);
		for (const o of obstacles) expect(overlaps(a, o)).toBe(false);
		for (let j = i + 1; j < placed.length; j++) expect(overlaps(a, placed[j]!.box)).toBe(false);
	}
	return { placed, hidden };
}

const label = (id: string, x: number, y: number, w = 60): LabelCandidate => ({
	id,
	x,
	y,
	r: 8,
	w,
	h: 17
});

describe('placeLabels', () => {
	test('two parties side by side: the second label moves to another side, never on top', () => {
		// "IS" beside "UN Security Council": both below would touch.
		const { placed, hidden } = checkPlacement(
			[label('un', 200, 200, 130), label('is', 240, 200, 14)],
			800,
			600
		);
		expect(hidden).toEqual([]);
		expect(placed.map((p) => [p.id, p.side])).toEqual([
			['un', 'below'],
			['is', 'above']
		]);
	});

	test('a label near an edge slides inside the plot rather than being cut', () => {
		const { placed } = checkPlacement([label('edge', 10, 100, 120)], 400, 300);
		expect(placed[0]!.box.x0).toBe(0);
		expect(placed[0]!.side).toBe('below');
		const bottom = checkPlacement([label('low', 200, 292, 80)], 400, 300).placed[0]!;
		expect(bottom.side).toBe('above');
	});

	test('when there is no room the less important label is left out and counted', () => {
		const crowd = Array.from({ length: 12 }, (_, i) => label(`p${i}`, 100 + (i % 2) * 4, 100, 90));
		const { placed, hidden } = checkPlacement(crowd, 300, 220);
		expect(placed[0]!.id).toBe('p0');
		expect(hidden.length).toBeGreaterThan(0);
	});

	test("a name covers another party's shape only when no side is clear of shapes", () => {
		// A party boxed in by four others, one on each side: no clear side, so its name covers
		// one of their shapes rather than go missing; with a clear side it would take that.
		const c = label('boxed', 200, 200, 40);
		const around = [
			[200, 240],
			[200, 160],
			[260, 200],
			[140, 200]
		].map(([x, y]) => shapeBox({ x: x!, y: y!, r: 14 }));
		const soft = placeLabels([c], { width: 400, height: 400, soft: around });
		expect(soft.placed).toHaveLength(1);
		// Never over the middle of a shape, where a pointer goes for it.
		const core = (b: Box) => ({
			x0: (3 * b.x0 + b.x1) / 4,
			y0: (3 * b.y0 + b.y1) / 4,
			x1: (b.x0 + 3 * b.x1) / 4,
			y1: (b.y0 + 3 * b.y1) / 4
		});
		for (const b of around) expect(overlaps(soft.placed[0]!.box, core(b))).toBe(false);
		const hard = placeLabels([c], { width: 400, height: 400, obstacles: around });
		expect(hard.hidden).toEqual(['boxed']);
		const open = placeLabels([c], { width: 400, height: 400, soft: around.slice(1) });
		expect(open.placed[0]!.side).toBe('below');
	});

	test('a name that must be read covers the middle of crowded shapes rather than go missing', () => {
		// Packed in a crowd of shapes so close that every side covers one's middle.
		const c = label('focus', 200, 200, 60);
		const crowd = [];
		for (let x = 130; x <= 270; x += 12)
			for (let y = 160; y <= 240; y += 12) crowd.push(shapeBox({ x, y, r: 7 }));
		expect(placeLabels([c], { width: 400, height: 400, soft: crowd }).hidden).toEqual(['focus']);
		const kept = placeLabels([{ ...c, keep: true }], { width: 400, height: 400, soft: crowd });
		expect(kept.placed).toHaveLength(1);
		// Never over the middle of a selected party's shape, nor over another name.
		const wall = shapeBox({ x: 200, y: 225, r: 10 });
		const walled = placeLabels([{ ...c, keep: true }, label('other', 200, 170, 60)], {
			width: 400,
			height: 400,
			soft: crowd,
			obstacles: [wall]
		});
		const [a, z] = walled.placed;
		const middle = { x0: 195, y0: 220, x1: 205, y1: 230 };
		expect(overlaps(a!.box, middle)).toBe(false);
		if (z) expect(overlaps(a!.box, z.box)).toBe(false);
	});

	test('a name that must be read, walled in by names and selected shapes, is drawn further out with a line', () => {
		const c: LabelCandidate = { ...label('focus', 200, 200, 60), keep: true };
		// Names placed before it on every side, and selected parties' shapes around it.
		const ring = [
			label('n', 200, 172, 80),
			label('s', 200, 228, 80),
			label('e', 250, 200, 30),
			label('w', 150, 200, 30)
		].map((l) => ({ ...l, keep: true }));
		const walls = ring.map((l) => shapeBox({ x: l.x, y: l.y, r: 8 }));
		const { placed, hidden } = placeLabels([...ring, c], {
			width: 400,
			height: 400,
			obstacles: [shapeBox(c), ...walls]
		});
		expect(hidden).toEqual([]);
		const focus = placed.find((l) => l.id === 'focus')!;
		expect(focus.leader).toBe(true);
		for (const o of placed) if (o !== focus) expect(overlaps(focus.box, o.box)).toBe(false);
		for (const w of walls) expect(overlaps(focus.box, w)).toBe(false);
		// Its line crosses no other name and no selected shape.
		const [tx, ty] = leaderEnd(c, focus.box);
		const len = Math.hypot(tx - c.x, ty - c.y);
		for (let t = c.r + 1; t < len; t++) {
			const [x, y] = [c.x + ((tx - c.x) * t) / len, c.y + ((ty - c.y) * t) / len];
			const dot = { x0: x - 0.5, y0: y - 0.5, x1: x + 0.5, y1: y + 0.5 };
			for (const o of [...placed.filter((l) => l !== focus).map((l) => l.box), ...walls])
				expect(overlaps(dot, o)).toBe(false);
		}
		// Beside its party when there is room: no line.
		expect(placeLabels([c], { width: 400, height: 400 }).placed[0]!.leader).toBeUndefined();
		// A minor name is left out instead.
		const minor = placeLabels([...ring, { ...c, keep: false }], {
			width: 400,
			height: 400,
			obstacles: [shapeBox(c), ...walls]
		});
		expect(minor.hidden).toEqual(['focus']);
	});

	test('a label wider than the plot is left out', () => {
		expect(checkPlacement([label('long', 100, 100, 500)], 300, 300).hidden).toEqual(['long']);
	});

	test('random pictures: no overlaps, nothing outside, the first label placed when it can be', () => {
		const cand = fc.record({
			x: fc.double({ min: 0, max: 900, noNaN: true }),
			y: fc.double({ min: 0, max: 600, noNaN: true }),
			r: fc.double({ min: 5, max: 20, noNaN: true }),
			w: fc.double({ min: 4, max: 400, noNaN: true })
		});
		fc.assert(
			fc.property(fc.array(cand, { minLength: 1, maxLength: 120 }), (list) => {
				const cands = list.map((c, i) => ({ ...c, id: `p${i}`, h: 17 }));
				checkPlacement(cands, 900, 600);
			}),
			{ numRuns: 200 }
		);
	});

	test('thousands of parties are placed through the grid, with the same guarantees', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		const cands = Array.from({ length: 3000 }, (_, i) =>
			label(`p${i}`, random() * 1440, random() * 900, 20 + random() * 140)
		);
		const { placed } = placeLabels(cands, { width: 1440, height: 900 });
		expect(placed.length).toBeGreaterThan(100);
		// Sorting by x0 and sweeping keeps the brute check quick.
		const boxes = placed.map((p) => p.box).sort((a, b) => a.x0 - b.x0);
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length && boxes[j]!.x0 < boxes[i]!.x1; j++)
				expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
	});
});
