#!/usr/bin/env node
/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every text file of a built site, as static
 * hosts serve them (nginx gzip_static and brotli_static, Netlify, S3 behind a CDN, and
 * scripts/serve.mjs): the page, its scripts and the published model then cross the network
 * compressed without the host compressing on each request. Run at the end of `npm run build`,
 * after the link-preview step, which may still edit pages. A copy newer than its file is kept.
 *
 * Usage: node scripts/precompress.mjs [--dir build]
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** What is worth compressing: text. Images and fonts are compressed already. */
export const COMPRESSIBLE = new Set([
	'.html',
	'.js',
	'.mjs',
	'.css',
	'.json',
	'.svg',
	'.csv',
	'.txt',
	'.xml'
]);
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 512;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Scripts, styles and data are fetched on every first visit and cached long: the slowest,
 * smallest Brotli pays. Pages are many and each is read once: a quicker setting is within a
 * few per cent of it (a 40 KB page: 12.5 KB against 11 KB).
 * @param {string} file
 */
function brotliQuality(file) {
	return extname(file) === '.html' ? 6 : zlib.constants.BROTLI_MAX_QUALITY;
}

/**
 * @param {string} dir
 * @returns {AsyncGenerator<string>}
 */
async function* files(dir) {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(full);
		else if (COMPRESSIBLE.has(extname(entry.name))) yield full;
	}
}

/**
 * @param {string} copy
 * @param {string} source
 */
async function fresh(copy, source) {
	try {
		return (await stat(copy)).mtimeMs >= (await stat(source)).mtimeMs;
	} catch {
		return false;
	}
}

/**
 * Compresses one file both ways; returns how many copies were written.
 * @param {string} file
 */
async function compressFile(file) {
	const bytes = await readFile(file);
	if (bytes.length < MIN_BYTES) return 0;
	let written = 0;
	if (!(await fresh(`${file}.br`, file))) {
		const br = await brotli(bytes, {
			params: {
				[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
				[zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality(file),
				[zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
			}
		});
		await writeFile(`${file}.br`, br);
		written++;
	}
	if (!(await fresh(`${file}.gz`, file))) {
		await writeFile(`${file}.gz`, await gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }));
		written++;
	}
	return written;
}

/**
 * Precompresses every text file under dir, a few at a time (zlib runs on its own threads).
 * @param {string} dir
 */
export async function precompress(dir) {
	/** @type {string[]} */
	const queue = [];
	for await (const f of files(dir)) queue.push(f);
	let written = 0;
	const worker = async () => {
		for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
			const n = await compressFile(f);
			written += n;
		}
	};
	await Promise.all([worker(), worker(), worker(), worker()]);
	return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const i = args.indexOf('--dir');
	const dir = (i >= 0 && args[i + 1]) || process.env.SIGHTLINE_OUT || 'build';
	const t0 = Date.now();
	const written = await precompress(dir);
	console.log(
		`precompress: ${written} compressed copies written in ${dir}/ (${Date.now() - t0} ms)`
	);
}
