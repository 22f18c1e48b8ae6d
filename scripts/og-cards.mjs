#!/usr/bin/env node
/**
 * Renders the link-preview cards after `vite build`: serves the build, opens /og (every card
 * on one page) in Chromium, photographs each 1200×630 card into build/og/<kind>/<id>.png, then
 * removes /og so only the images ship. Without a Chromium it says so and leaves the cards
 * out (the site works; pasted links just show no picture).
 * Usage: node scripts/og-cards.mjs [--dir build]
 */
import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const root = resolve(dirArg >= 0 ? args[dirArg + 1] : process.env.SIGHTLINE_OUT || 'build');
const basePath = (process.env.SIGHTLINE_BASE_PATH ?? '').replace(/\/$/, '');
const ogDir = join(root, 'og');

function chromiumPath() {
	const candidates = [
		process.env.CHROMIUM_PATH,
		existsSync('.playwright-browser') ? readFileSync('.playwright-browser', 'utf8').trim() : '',
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser'
	];
	return candidates.find((p) => p && existsSync(p)) ?? null;
}

function freePort() {
	return new Promise((res, rej) => {
		const s = createServer();
		s.once('error', rej);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => res(port));
		});
	});
}

const page0 = join(root, 'og.html');
const pages = existsSync(page0) ? [page0] : [];

if (pages.length === 0) {
	console.log('og-cards: no card pages in the build; nothing to do.');
	process.exit(0);
}
const executablePath = chromiumPath();
if (!executablePath) {
	console.warn(
		'og-cards: no Chromium found, so link-preview images are left out. ' +
			'Run "node scripts/setup-browser.mjs" (or set CHROMIUM_PATH) and build again to add them.'
	);
	for (const p of pages) rmSync(p);
	// Pages must not promise images that are not there.
	const strip = (dir) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) strip(full);
			else if (name.endsWith('.html')) {
				const html = readFileSync(full, 'utf8');
				const out = html
					.replace(
						/<meta (property="og:image[^"]*"|name="twitter:image") content="[^"]*"\s*\/?>/g,
						''
					)
					.replace(
						'name="twitter:card" content="summary_large_image"',
						'name="twitter:card" content="summary"'
					);
				if (out !== html) writeFileSync(full, out);
			}
		}
	};
	strip(root);
	process.exit(0);
}

const port = await freePort();
const server = spawn(
	process.execPath,
	['scripts/serve.mjs', '--port', String(port), '--dir', root],
	{
		stdio: ['ignore', 'pipe', 'inherit']
	}
);
await new Promise((res) => server.stdout.once('data', res));

const { chromium } = await import('@playwright/test');
const t0 = Date.now();
const browser = await chromium.launch({
	executablePath,
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
});
let failed = 0;
let count = 0;
try {
	const context = await browser.newContext({
		viewport: { width: 1200, height: 630 },
		deviceScaleFactor: 1,
		timezoneId: 'UTC',
		locale: 'en-GB'
	});
	const page = await context.newPage();
	await page.goto(`http://127.0.0.1:${port}${basePath}/og`);
	await page.locator('[data-ready]').waitFor({ timeout: 60_000 });
	const total = Number(await page.locator('[data-ready]').getAttribute('data-count'));
	for (let i = 0; i < total; i++) {
		let name = `card ${i}`;
		try {
			name = await page.evaluate((n) => window.showCard(n), i);
			const [kind, id] = name.split('/');
			mkdirSync(join(ogDir, kind), { recursive: true });
			await page.screenshot({ path: join(ogDir, kind, `${id}.png`), type: 'png' });
			count++;
		} catch (e) {
			failed++;
			console.error(`og-cards: could not render ${name}: ${e.message.split('\n')[0]}`);
		}
	}
	rmSync(page0);
} finally {
	await browser.close();
	server.kill();
}
console.log(
	`og-cards: ${count} link-preview images in ${((Date.now() - t0) / 1000).toFixed(1)} s` +
		(failed ? `, ${failed} failed` : '')
);
process.exit(failed ? 1 : 0);
