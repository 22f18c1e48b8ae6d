import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const out = process.env.SIGHTLINE_OUT || 'build';
// "/sightline" or "/sightline/" both mean /sightline; SvelteKit wants no trailing slash.
const base = /** @type {'' | `/${string}`} */ (
	(process.env.SIGHTLINE_BASE_PATH ?? '').replace(/\/+$/, '')
);

// The one inline script of src/app.html runs before SvelteKit's own; the policy allows it by the
// hash of its text, read here so that editing the script cannot leave a stale hash behind.
const early = /<script>([\s\S]*?)<\/script>/.exec(
	readFileSync(new URL('./src/app.html', import.meta.url), 'utf8')
);
if (!early) throw new Error('src/app.html: the early <script> is missing');
const earlyHash = /** @type {`sha256-${string}`} */ (
	`sha256-${createHash('sha256').update(early[1]).digest('base64')}`
);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered; 404.html is what static hosts serve for unknown paths,
		// and it boots the client router so an unknown event id shows the helpful 404 page.
		// SIGHTLINE_OUT writes the site to another folder (the base-path test builds beside build/).
		adapter: adapter({ pages: out, assets: out, fallback: '404.html', strict: true }),
		// SIGHTLINE_BASE_PATH=/sightline serves the site from a sub-path. Page links and assets are
		// relative in the prerendered HTML (paths.relative, the default), absolute in 404.html.
		paths: { base },
		// Every stylesheet a page needs goes into its HTML: a page's own text then paints as soon
		// as the HTML is read, not after a dozen stylesheet requests queued behind the scripts'
		// (an event page needed twelve). Each is a few KB; the largest, the site's own, is 8 KB.
		inlineStyleThreshold: 16_384,
		// A strict policy in a <meta> tag on every page: scripts only from this origin or hashed
		// by SvelteKit, nothing fetched from anywhere else. Styles allow inline because server
		// rendering writes style attributes (colours, positions). Headers a host should add on
		// top are in the README's Deploying section.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', earlyHash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		prerender: {
			// Link-preview images are drawn after the pages exist (scripts/og-cards.mjs), so the
			// crawler may not find them yet; every other missing page fails the build.
			handleHttpError: ({ path, message }) => {
				if (/\/og\/(event|party|step)\/[^/]+\.png$/.test(path)) return;
				throw new Error(message);
			},
			handleMissingId: 'fail',
			// Briefings are optional: an incident without storylines has no briefing pages to
			// prerender. Any other page that was never reached is a mistake.
			handleUnseenRoutes: ({ routes, message }) => {
				if (routes.every((id) => id.startsWith('/brief/[story]'))) return;
				throw new Error(message);
			}
		}
	}
};

export default config;
