/**
 * Routing for addresses the router cannot read. A path with broken percent-encoding
 * (/parties/%FF%FE, /events/%u2603, a link cut off mid-escape) makes SvelteKit's client router
 * throw "URI malformed" before any page can answer. Each path segment that does not decode is
 * taken literally instead, so the router reaches the page for that address, which then says that
 * no party or event has that id: the 404 page with its suggestions, not an error.
 */
import type { Reroute } from '@sveltejs/kit';

export const reroute: Reroute = ({ url }) => literalBrokenSegments(url.pathname);

/** The path with its undecodable segments escaped to their literal text, or undefined if none. */
export function literalBrokenSegments(pathname: string): string | undefined {
	if (decodes(pathname, decodeURI)) return undefined;
	return pathname
		.split('/')
		.map((segment) =>
			decodes(segment, decodeURIComponent) ? segment : segment.replaceAll('%', '%25')
		)
		.join('/');
}

function decodes(s: string, decode: (s: string) => string): boolean {
	try {
		decode(s);
		return true;
	} catch {
		return false;
	}
}
