#!/usr/bin/env node
/**
 * Finds a Chromium for Playwright, in this order: $CHROMIUM_PATH, a browser Playwright has
 * downloaded itself, /usr/bin/chromium (Debian), /usr/bin/chromium-browser; if none, installs
 * Debian's package when running as root on Debian/Ubuntu, or says exactly what to install.
 * Writes the path to .playwright-browser so playwright.config.ts uses the same one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A browser Playwright downloaded itself (elsewhere; here its download is blocked). */
function playwrightManaged() {
	try {
		const path = require('playwright-core').chromium.executablePath();
		return path && existsSync(path) ? path : null;
	} catch {
		return null;
	}
}

function find() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (existsSync(fromEnv)) return fromEnv;
		console.error(`setup-browser: CHROMIUM_PATH is set to ${fromEnv}, but nothing is there.`);
		process.exit(1);
	}
	return (
		playwrightManaged() ??
		['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ??
		null
	);
}

let path = find();
if (!path) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const hasApt = existsSync('/usr/bin/apt-get');
	if (isRoot && hasApt) {
		console.log(
			'setup-browser: no Chromium found; installing Debian\'s "chromium" package (apt-get)…'
		);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		const install =
			update.status === 0 &&
			spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
		if (!install || install.status !== 0) {
			console.error(
				'setup-browser: apt-get could not install chromium. Install it by hand: apt-get install chromium'
			);
			process.exit(1);
		}
		path = find();
	}
	if (!path) {
		console.error(
			'setup-browser: no Chromium found. Install one, then run the tests again:\n' +
				'  Debian/Ubuntu:  sudo apt-get install chromium\n' +
				'  or point CHROMIUM_PATH at any Chromium or Chrome binary.'
		);
		process.exit(1);
	}
}
writeFileSync('.playwright-browser', path + '\n');
// playwright.config.ts runs the browser tests in Debian's headless build of the same Chromium
// when it is installed: they take about a third less time in it. Where this script may install
// packages (root, apt), it adds that build too, best effort: without it the tests still run.
const shell = '/usr/bin/chromium-headless-shell';
if (!process.env.CHROMIUM_PATH && path === '/usr/bin/chromium' && !existsSync(shell)) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get')) {
		console.log('setup-browser: adding Debian\'s "chromium-headless-shell" (apt-get)…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const opts = { stdio: 'inherit', env, timeout: 300_000 };
		const install = () =>
			spawnSync('apt-get', ['install', '-y', '-qq', 'chromium-headless-shell'], opts).status === 0;
		if (!install() && spawnSync('apt-get', ['update', '-qq'], opts).status === 0) install();
	}
}
if (!process.env.CHROMIUM_PATH && path === '/usr/bin/chromium' && existsSync(shell))
	console.log(`setup-browser: using ${path}; the browser tests use ${shell}`);
else {
	console.log(`setup-browser: using ${path}`);
	if (!process.env.CHROMIUM_PATH && path === '/usr/bin/chromium')
		console.log(
			'setup-browser: the browser tests take about a third less time in the headless build:\n' +
				'  apt-get install chromium-headless-shell'
		);
}
