/**
 * Errors while prerendering. The link-preview images are drawn after the pages exist
 * (scripts/og-cards.mjs), so the pages that name them are built before the images: those
 * missing images are expected and not logged, and the build stays quiet when it succeeds.
 * Every other error is logged as SvelteKit would.
 */
import type { HandleServerError } from '@sveltejs/kit';

/** The images scripts/og-cards.mjs draws once the pages are built. */
export const PREVIEW_IMAGE = /\/og\/(event|party|step)\/[^/]+\.png$/;

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (!(status === 404 && PREVIEW_IMAGE.test(event.url.pathname))) console.error(error);
	return { message };
};
