/**
 * Moves between views: along d3's zoom path, ending exactly on the target, and at once for a
 * reader who asks for reduced motion.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { moveView, type View } from '../../src/lib/explorer/motion';

/** Animation frames run by hand, 16 ms apart. */
function frames(reduced = false) {
	let now = 0;
	const queue: ((t: number) => void)[] = [];
	vi.stubGlobal('requestAnimationFrame', (f: (t: number) => void) => queue.push(f));
	vi.stubGlobal('cancelAnimationFrame', () => queue.splice(0));
	vi.stubGlobal('matchMedia', () => ({ matches: reduced }));
	return {
		run(n: number) {
			for (let i = 0; i < n && queue.length; i++) {
				now += 16;
				queue.shift()!(now);
			}
		}
	};
}

afterEach(() => vi.unstubAllGlobals());

describe('moveView', () => {
	const from: View = [100, 0, 50];
	const to: View = [10_000, 0, 200];

	test('passes through views between the two and ends exactly on the target', () => {
		const seen: [View, boolean][] = [];
		const clock = frames();
		moveView(from, to, 160, (v, done) => seen.push([v, done]));
		clock.run(100);
		expect(seen.at(-1)).toEqual([to, true]);
		expect(seen.filter(([, done]) => done)).toHaveLength(1);
		const middle = seen[Math.floor(seen.length / 2)]![0];
		expect(middle[0]).toBeGreaterThan(from[0]);
		expect(middle[0]).toBeLessThan(to[0]);
		// A long pan draws back on the way: the view in the middle is wider than either end.
		expect(middle[2]).toBeGreaterThan(to[2]);
	});

	test('jumps at once when the reader prefers reduced motion', () => {
		const seen: [View, boolean][] = [];
		frames(true);
		moveView(from, to, 160, (v, done) => seen.push([v, done]));
		expect(seen).toEqual([[to, true]]);
	});

	test('can be cancelled part way', () => {
		const seen: View[] = [];
		const clock = frames();
		const cancel = moveView(from, to, 160, (v) => seen.push(v));
		clock.run(3);
		cancel();
		clock.run(100);
		expect(seen).toHaveLength(3);
		expect(seen.at(-1)).not.toEqual(to);
	});
});
