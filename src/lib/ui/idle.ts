/**
 * Work that can wait: started once the page is idle, so that it is not the task a reader's first
 * click waits behind.
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
