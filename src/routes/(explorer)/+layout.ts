import { browser } from '$app/environment';
import type { LayoutLoad } from './$types';

/**
 * In the browser, one turn of the event loop between running the explorer's modules and
 * hydrating the page. Both wait for the incident's data (see $lib/incident), so both would
 * follow its arrival in one task, which blocked input for longer than either does alone. This
 * load runs once its module, and so the incident's, has been run.
 */
export const load: LayoutLoad = async () => {
	if (browser) await new Promise((resolve) => setTimeout(resolve, 0));
};
