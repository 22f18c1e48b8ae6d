/**
 * Work that can wait: started once the page is idle, and done in slices that let input and
 * rendering in between, so that none of it is the task a reader's first click waits behind.
 */

/**
 * Calls `run` when the browser is next idle, or after `timeout` ms at the latest (a page that is
 * never idle still gets it). Where there is no `requestIdleCallback` (Safari), a timer stands in.
 * Returns a function that cancels the call if it has not happened yet.
 */
export function whenIdle(run: () => void, timeout = 2000): () => void {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(run, { timeout });
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(run, 200);
	return () => clearTimeout(id);
}

interface Scheduler {
	yield?: () => Promise<void>;
}

/**
 * Resolves in a task of its own, after waiting input and rendering. `scheduler.yield` where the
 * browser has it (the rest of the work keeps its place ahead of other tasks); otherwise a message
 * to a channel, which, unlike a nested `setTimeout`, is not held back 4 ms each time.
 */
export function yieldToMain(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

/**
 * Maps `list` through `step` a slice at a time, each in a task of its own (the first too, so the
 * caller's task ends first): a slice runs until `budget` ms have passed, then yields. Resolves to
 * the results, or to null once `stopped()` says they are no longer wanted.
 */
export async function mapInSlices<T, U>(
	list: readonly T[],
	step: (item: T) => U,
	stopped: () => boolean,
	budget = 8
): Promise<U[] | null> {
	const out: U[] = [];
	await yieldToMain();
	if (stopped()) return null;
	let since = performance.now();
	for (const item of list) {
		out.push(step(item));
		if (performance.now() - since > budget) {
			await yieldToMain();
			if (stopped()) return null;
			since = performance.now();
		}
	}
	return out;
}
