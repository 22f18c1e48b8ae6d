/**
 * The corrections log as an Atom feed, so readers can follow changes to the record in a feed
 * reader. Entry addresses are absolute where the build knows the site's address
 * (SIGHTLINE_SITE_URL), site-relative otherwise.
 */
import { index } from '$lib/incident';
import { history } from '$lib/history';
import { atomFeed } from '$lib/history/feed';

export const prerender = true;

export const GET = () =>
	new Response(atomFeed(index, history, __SITE_URL__), {
		headers: { 'content-type': 'application/atom+xml; charset=utf-8' }
	});
