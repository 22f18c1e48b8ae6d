/** Framing the graph and moving across it by keyboard: pure geometry, no DOM. */
import { describe, expect, test } from 'vitest';
import { fitFrame, nearestInDirection } from '../../src/lib/graph/frame';

const onScreen = (f: { x: number; y: number; k: number }, p: { x: number; y: number }) => ({
	x: f.x + p.x * f.k,
	y: f.y + p.y * f.k
});

describe('fitFrame', () => {
	test.each([
		[1000, 600],
		[380, 360],
		[350, 500],
		[1800, 620]
	])('every point lands inside a %i × %i plot, clear of its margins', (width, height) => {
		const points = [
			{ x: -500, y: -300 },
			{ x: 700, y: 420 },
			{ x: 10, y: 5 }
		];
		const f = fitFrame(points, { width, height, padX: 40, padTop: 20, padBottom: 30 });
		for (const p of points) {
			const s = onScreen(f, p);
			expect(s.x).toBeGreaterThanOrEqual(Math.min(40, width / 4) - 1e-9);
			expect(s.x).toBeLessThanOrEqual(width - Math.min(40, width / 4) + 1e-9);
			expect(s.y).toBeGreaterThanOrEqual(Math.min(20, height / 6) - 1e-9);
			expect(s.y).toBeLessThanOrEqual(height - Math.min(30, height / 6) + 1e-9);
		}
	});

	test('a single party is framed with its surroundings, not blown up', () => {
		const f = fitFrame([{ x: 100, y: 100 }], { width: 800, height: 600 });
		expect(f.k).toBeLessThanOrEqual(3);
		expect(onScreen(f, { x: 100, y: 100 }).x).toBeCloseTo(400);
	});

	test('no points, or no room, frame nothing: the identity', () => {
		expect(fitFrame([], { width: 800, height: 600 })).toEqual({ x: 0, y: 0, k: 1 });
		expect(fitFrame([{ x: 1, y: 1 }], { width: 0, height: 600 })).toEqual({ x: 0, y: 0, k: 1 });
	});
});

describe('nearestInDirection', () => {
	const parties = [
		{ id: 'east', x: 100, y: 0 },
		{ id: 'far-east', x: 300, y: 0 },
		{ id: 'north-east', x: 60, y: -60 },
		{ id: 'south', x: 0, y: 80 }
	];
	const from = { x: 0, y: 0 };

	test.each([
		['ArrowRight', 'east'],
		['ArrowDown', 'south'],
		['ArrowUp', 'north-east'],
		['ArrowLeft', null],
		['Enter', null]
	])('%s goes to %s', (key, expected) => {
		expect(nearestInDirection(from, key, parties)).toBe(expected);
	});

	test('one straight ahead beats one as near but off to the side', () => {
		expect(
			nearestInDirection(from, 'ArrowRight', [
				{ id: 'aside', x: 50, y: 40 },
				{ id: 'ahead', x: 90, y: 0 }
			])
		).toBe('ahead');
	});
});
