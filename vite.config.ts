import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { incidentData } from './scripts/vite-incident-plugin.ts';

export default defineConfig({
	plugins: [incidentData(), sveltekit()],
	define: {
		// Where the site will live, for absolute link-preview image addresses (optional).
		__SITE_URL__: JSON.stringify((process.env.SIGHTLINE_SITE_URL ?? '').replace(/\/$/, ''))
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
