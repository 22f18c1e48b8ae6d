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

/** For benchmarks: when the site's own scripts start, before the page is hydrated. */
export const init = () => {
	performance.mark('sightline:hydrate');
};
