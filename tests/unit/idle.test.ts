import { afterEach, expect, test, vi } from 'vitest';
import { whenIdle } from '../../src/lib/ui/idle';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
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
