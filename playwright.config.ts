import { defineConfig, devices } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';

// scripts/setup-browser.mjs finds (or installs) a Chromium and records its path here.
const recorded = existsSync('.playwright-browser')
	? readFileSync('.playwright-browser', 'utf8').trim()
	: '';
// Debian's chromium-headless-shell, when installed: the same engine as its chromium, in the
// lighter headless build Playwright itself runs headless tests in; the browser tests take about
// a third less time in it. The benchmarks and link-preview cards keep the recorded browser.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const headlessShell =
	recorded === '/usr/bin/chromium' && existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '';
const executablePath = process.env.CHROMIUM_PATH || headlessShell || recorded || undefined;
const PORT = 4173;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	// Two workers: the tests mostly wait on the browser, and these machines have two cores.
	workers: 2,
	retries: 0,
	// Generous: a hang guard, not a timing check; these shared 2-core machines can be slow.
	timeout: 60_000,
	expect: { timeout: 7_000 },
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${PORT}`,
		// Tests read times in named zones; the browser's own zone is pinned so "your zone" is known.
		timezoneId: 'Europe/Berlin',
		locale: 'en-GB',
		// A failed test keeps its trace (actions, console, network) and a screenshot. DOM snapshots and
		// a screencast at every action are left out: on these pages (thousands of SVG nodes) they
		// made every test about a third slower, and the 300 fuzzed addresses most of all.
		trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: [
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } },
			testIgnore: /phone\.spec\.ts/
		},
		{ name: 'phone', use: { ...devices['Pixel 7'] }, testMatch: /(phone|screens)\.spec\.ts/ }
	],
	webServer: {
		// The static build served as a static host would serve it: what users deploy.
		command: `npm run build && node scripts/serve.mjs --port ${PORT}`,
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 240_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
