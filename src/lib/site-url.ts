/**
 * Absolute addresses for link previews (`og:image`, `og:url`, `<link rel="canonical">`): chat
 * and mail clients fetch a preview from the page's HTML alone, and many reject relative
 * addresses. They are absolute only when the build is told where the site lives
 * (SIGHTLINE_SITE_URL); without it the previews keep relative image addresses and no page names
 * its canonical address.
 */

/**
 * The address of a page or file of the site.
 *
 * @param site SIGHTLINE_SITE_URL: the site's origin ("https://example.org"), or its origin and
 *   base path ("https://example.org/sightline"); a trailing slash is ignored. "" when unset.
 * @param base SIGHTLINE_BASE_PATH ("" or "/sightline").
 * @param path The path on the host, base path included ("/sightline/events/x"), as the page's
 *   own URL gives it.
 * @returns The absolute address, or null when the site's address is not known.
 */
export function absoluteUrl(site: string, base: string, path: string): string | null {
	if (!site) return null;
	const root = new URL(site);
	const prefix = root.pathname.replace(/\/+$/, '');
	// A site address that already ends in the base path does not get it twice.
	const own = base && prefix.endsWith(base) ? prefix.slice(0, -base.length) : prefix;
	const rest = path.startsWith('/') ? path : `/${path}`;
	return `${root.origin}${own}${rest}`;
}

/**
 * Checks SIGHTLINE_SITE_URL: "" when unset, the address without its trailing slash when it is
 * an http(s) address; throws with what is wrong otherwise (a build must not publish previews
 * that point nowhere).
 */
export function siteUrlFromEnv(value: string | undefined): string {
	const raw = (value ?? '').trim();
	if (!raw) return '';
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new Error(
			`SIGHTLINE_SITE_URL must be an absolute address such as https://example.org; got "${raw}".`
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new Error(`SIGHTLINE_SITE_URL must start with https:// or http://; got "${raw}".`);
	if (url.search || url.hash)
		throw new Error(`SIGHTLINE_SITE_URL must not carry a query or fragment; got "${raw}".`);
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** What a build without SIGHTLINE_SITE_URL loses, said once per build. */
export const SITE_URL_WARNING =
	'SIGHTLINE_SITE_URL is not set: link previews will name their images by relative address ' +
	'(many chat and mail clients then show no picture), and pages will carry no og:url or ' +
	'canonical link. Build with SIGHTLINE_SITE_URL=https://your.site to make them absolute.';
