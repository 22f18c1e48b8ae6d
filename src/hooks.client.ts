/**
 * Errors in the browser. An address that matches no page is expected (a mistyped or old link)
 * and is answered by the 404 page, which says what was not found: it is not logged as an error.
 * Anything else is logged, so it shows up in tests and in the console.
 */
import type { HandleClientError } from '@sveltejs/kit';

export const handleError: HandleClientError = ({ error, status, message }) => {
	if (status !== 404) console.error(error);
	return { message };
};

export const init = () => {
	// For benchmarks: when the site's own scripts start, before the page is hydrated.
	performance.mark('sightline:hydrate');
	// The first Intl formatter a page makes loads the browser's locale data, one long step. Made
	// here, in a task of its own while the incident's data is still on its way, it is no longer
	// part of the task that runs the page's modules once the data has come.
	setTimeout(() => {
		new Intl.NumberFormat('en-GB').format(1);
		new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', era: 'short' }).format(0);
	}, 0);
};
