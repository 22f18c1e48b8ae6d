/** Where links lead on the site built for the bundled incident: a page per event and party. */
import { base } from '$app/paths';
import type { ExplorerLinks } from './explorer/explorer.svelte';

export const siteLinks: ExplorerLinks = {
	event: (id) => (id ? `${base}/events/${id}` : `${base}/`),
	party: (id) => `${base}/parties/${id}`
};
