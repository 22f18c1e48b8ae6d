import { afterEach, expect, test, vi } from 'vitest';
import { mapInSlices, whenIdle, yieldToMain } from '../../src/lib/ui/idle';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

test('work in slices gives every result in order, and yields between slices', async () => {
	const list = Array.from({ length: 50 }, (_, i) => i);
	let tasks = 0;
	let last = -1;
	const ticks = setInterval(() => tasks++, 0);
	const out = await mapInSlices(
		list,
		(i) => {
			// Each item outlasts the budget, so each is a slice of its own.
			const until = performance.now() + 1.5;
			while (performance.now() < until);
			last = i;
			return i * 2;
		},
		() => false,
		1
	);
	clearInterval(ticks);
	expect(out).toEqual(list.map((i) => i * 2));
	expect(last).toBe(49);
	// Other tasks ran while it worked (a timer fired between slices).
	expect(tasks).toBeGreaterThan(0);
});

test('work in slices stops, with nothing, once it is no longer wanted', async () => {
	let done = 0;
	let stop = false;
	const out = mapInSlices(
		Array.from({ length: 100 }, (_, i) => i),
		(i) => {
			const until = performance.now() + 1.5;
			while (performance.now() < until);
			done++;
			return i;
		},
		() => stop,
		1
	);
	await yieldToMain();
	stop = true;
	expect(await out).toBeNull();
	expect(done).toBeLessThan(100);
});

test('the first slice waits for a task of its own', async () => {
	let ran = false;
	const out = mapInSlices(
		[1],
		() => (ran = true),
		() => false
	);
	expect(ran).toBe(false);
	await out;
	expect(ran).toBe(true);
});

test('yielding uses scheduler.yield where the browser has it', async () => {
	const yielded = vi.fn(() => Promise.resolve());
	vi.stubGlobal('scheduler', { yield: yielded });
	await yieldToMain();
	expect(yielded).toHaveBeenCalledOnce();
});

test('idle work falls back to a timer where there is no requestIdleCallback, and cancels', () => {
	vi.useFakeTimers();
	vi.stubGlobal('requestIdleCallback', undefined);
	const run = vi.fn();
	whenIdle(run);
	vi.runAllTimers();
	expect(run).toHaveBeenCalledOnce();
	const never = vi.fn();
	whenIdle(never)();
	vi.runAllTimers();
	expect(never).not.toHaveBeenCalled();
});

test('idle work asks requestIdleCallback with a deadline where it exists', () => {
	const ask = vi.fn(() => 7);
	const cancel = vi.fn();
	vi.stubGlobal('requestIdleCallback', ask);
	vi.stubGlobal('cancelIdleCallback', cancel);
	const run = () => {};
	whenIdle(run, 1500)();
	expect(ask).toHaveBeenCalledWith(run, { timeout: 1500 });
	expect(cancel).toHaveBeenCalledWith(7);
});
