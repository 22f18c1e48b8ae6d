/**
 * The built site as a static host serves it: every text file has a Brotli and a gzip copy
 * beside it that decompresses to it exactly, and the site's server sends the model, the pages
 * and the scripts compressed to a browser that accepts it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const BUILD = 'build';
const TEXT = new Set(['.html', '.js', '.css', '.json', '.svg', '.csv', '.xml']);

function builtFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		// Written by the benchmarks and other tests into the build, not by the build.
		if (dir === BUILD && (name === 'bench' || name === 'e2e')) return [];
		return statSync(full).isDirectory() ? builtFiles(full) : [full];
	});
}

test('every text file of the build has compressed copies that match it', () => {
	const files = builtFiles(BUILD).filter((f) => TEXT.has(extname(f)) && statSync(f).size >= 512);
	expect(files.length).toBeGreaterThan(200);
	for (const file of files) {
		const bytes = readFileSync(file);
		expect(existsSync(`${file}.br`), `${file}.br`).toBe(true);
		expect(existsSync(`${file}.gz`), `${file}.gz`).toBe(true);
		expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(bytes), `${file}.br`).toBe(true);
		expect(gunzipSync(readFileSync(`${file}.gz`)).equals(bytes), `${file}.gz`).toBe(true);
	}
});

test('the page, its scripts and the model arrive compressed', async ({ page }) => {
	const encodings = new Map<string, string>();
	page.on('response', async (res) => {
		const url = new URL(res.url());
		encodings.set(url.pathname, (await res.allHeaders())['content-encoding'] ?? 'none');
	});
	await page.goto('/');
	await expect(page.locator('.timeline')).toBeVisible();
	const model = [...encodings].find(([path]) => /^\/data\/[^/]+\.json$/.test(path));
	expect(model?.[1]).toBe('br');
	expect(encodings.get('/')).toBe('br');
	// Scripts too small to be worth a copy (a few lines) are sent as they are.
	const scripts = [...encodings].filter(
		([path]) => path.endsWith('.js') && existsSync(join(BUILD, `${path}.br`))
	);
	expect(scripts.length).toBeGreaterThan(5);
	for (const [path, encoding] of scripts) expect(encoding, path).toBe('br');
	// The browser reads what it was sent: the model is the whole incident.
	const sizes = await page.evaluate(() =>
		(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
			.filter((r) => /\/data\/[^/]+\.json$/.test(r.name))
			.map((r) => ({ sent: r.encodedBodySize, read: r.decodedBodySize }))
	);
	expect(sizes).toHaveLength(1);
	expect(sizes[0]!.sent).toBeLessThan(sizes[0]!.read / 4);
});
