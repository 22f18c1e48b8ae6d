/**
 * The JavaScript each route of a static build loads up front, measured from the built HTML:
 * shared by `npm run bench` and `npm run audit:site`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every .html file under dir, recursively. */
export function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
	});
}

/** Gzip size (level 9) of a file, in bytes. */
export const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * Every script a page loads up front: its module preloads and its entry imports, gzip bytes.
 * References may be relative (`../_app/…`) or absolute, with or without a base path.
 */
export function routeJs(html: string, build = 'build'): number {
	const text = readFileSync(html, 'utf8');
	const refs = new Set<string>();
	for (const m of text.matchAll(/(?:href|src)="([^"]+\.js)"/g)) refs.add(m[1]!);
	for (const m of text.matchAll(/import\("([^"]+\.js)"\)/g)) refs.add(m[1]!);
	let total = 0;
	for (const ref of refs) {
		const file = join(build, ref.replace(/^(\.\.\/|\.\/)+/, '').replace(/^\/+/, ''));
		const path = existsSync(file) ? file : join(build, '_app', ref.split('/_app/').pop() ?? '');
		if (existsSync(path)) total += gz(path);
	}
	return total;
}

/** One built page of each kind of route: [route, path of its HTML relative to the build]. */
export function sampleRoutes(build = 'build'): [string, string][] {
	const all = htmlFiles(build).map((f) => relative(build, f));
	const routes: [string, string][] = [
		['/ (timeline)', 'index.html'],
		['/events/<id>', all.find((f) => f.startsWith('events/')) ?? ''],
		['/parties/<id>', all.find((f) => f.startsWith('parties/')) ?? ''],
		['/claims', 'claims.html'],
		['/sources', 'sources.html'],
		['/brief/<story>/<n>', all.find((f) => /^brief\/[^/]+\/\d+\.html$/.test(f)) ?? ''],
		['/open', 'open.html']
	];
	return routes.filter(([, f]) => f && existsSync(join(build, f)));
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The gzip JavaScript of one page of each kind of route, in KB to one decimal. */
export function jsPerRoute(build = 'build'): { route: string; 'JS gzip KB': number }[] {
	return sampleRoutes(build).map(([route, f]) => ({
		route,
		'JS gzip KB': round1(routeJs(join(build, f), build) / 1024)
	}));
}
