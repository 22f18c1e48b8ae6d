import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { incidentData } from './scripts/vite-incident-plugin.ts';
import { SITE_URL_WARNING, siteUrlFromEnv } from './src/lib/site-url.ts';

// Where the site will live, for absolute link-preview addresses (optional; checked here so a
// mistyped address stops the build instead of publishing previews that point nowhere).
const siteUrl = siteUrlFromEnv(process.env.SIGHTLINE_SITE_URL);

/**
 * Says once per build what a build without SIGHTLINE_SITE_URL loses. SvelteKit builds the
 * client and the server from this one config, so the flag lives on the process, not the module.
 */
function siteUrlNotice(): Plugin {
	const flag = Symbol.for('sightline.site-url-warned');
	return {
		name: 'sightline-site-url',
		apply: 'build',
		configResolved(config) {
			const g = globalThis as Record<symbol, boolean>;
			if (siteUrl || g[flag] || config.build.ssr) return;
			g[flag] = true;
			config.logger.warn(`\n${SITE_URL_WARNING}\n`);
		}
	};
}

export default defineConfig({
	plugins: [incidentData(), siteUrlNotice(), sveltekit()],
	define: {
		__SITE_URL__: JSON.stringify(siteUrl)
	},
	build: {
		// Vite 8 prints a plugin timing table on every build; it is noise here.
		rolldownOptions: { checks: { pluginTimings: false } }
	},
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Times are formatted in named zones on purpose; pin the machine's zone to one that is
		// neither UTC nor the incident's, so nothing passes by accident.
		env: { TZ: 'America/Los_Angeles' }
	}
});
