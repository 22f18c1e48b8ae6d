/**
 * Opening an incident in the browser: from a file the user picks or drops, or from an address
 * on this site (`?src=`). Nothing leaves the browser. The bytes are read here, then decoded and
 * validated in a worker; the answer is a model or every problem, each named by file and JSON path.
 */
import type { IncidentModel } from '../model/schema.ts';
import type { ValidationError } from '../model/validate.ts';
import { formatBytes, MAX_IMPORT_BYTES, sizeProblem } from './limits.ts';
import type { ImportProgress, ImportResult } from './run.ts';
import type { PreviewColumns } from './preview.ts';
import type { LaneMode } from '../url/view-state.ts';
import { fromWire, type ImportBytesRequest, type WireResult } from './wire.ts';

export type Opened =
	| { ok: true; model: IncidentModel; warnings: string[]; fileName: string; bytes: number }
	| { ok: false; errors: ValidationError[]; fileName: string };

export interface Progress {
	stage: string;
	/** 0..1 while reading a file of known size, else null. */
	fraction: number | null;
	/** A first look at the file while its records are checked against each other (preview.ts). */
	preview?: PreviewColumns;
}

/**
 * Checks a `?src=` value: a path or address on this site's own origin, over http(s).
 * Returns the absolute URL, or the message to show.
 */
export function checkSrc(
	src: string,
	pageUrl: string
): { ok: true; url: URL } | { ok: false; message: string } {
	const trimmed = src.trim();
	if (!trimmed)
		return {
			ok: false,
			message:
				'The "src" parameter is empty: give the path of an incident file on this site, for example ?src=/data/incident.json.'
		};
	let url: URL;
	try {
		url = new URL(trimmed, pageUrl);
	} catch {
		return { ok: false, message: `"${trimmed.slice(0, 120)}" is not an address.` };
	}
	const page = new URL(pageUrl);
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		return {
			ok: false,
			message: `Only http and https addresses on this site can be opened; "${url.protocol}" addresses are refused.`
		};
	if (url.origin !== page.origin)
		return {
			ok: false,
			message: `Only files on this site (${page.origin}) can be opened by address; ${url.origin} is another site, so nothing was requested from it. Download the file and open it from your computer instead.`
		};
	return { ok: true, url };
}

function fail(fileName: string, message: string, path = '$'): Opened {
	return { ok: false, fileName, errors: [{ file: fileName, path, message }] };
}

/**
 * A worker started ahead, while the file is still being read: its script loads and compiles
 * meanwhile, instead of after the last byte arrives.
 */
let spare: Worker | null = null;
function startWorker(): Worker {
	return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}
/** Starts the checking worker early, where there are workers. */
export function prepareWorker() {
	if (typeof Worker !== 'undefined' && !spare) spare = startWorker();
}

/**
 * Decodes and validates a file's bytes in a worker (or, where workers are missing, on this
 * thread). The bytes are handed to the worker, not copied: `data` is unusable afterwards.
 * Bytes are decoded there rather than by File.text() or Response.text(), which would read
 * bytes that are not UTF-8 as U+FFFD and hide that the file was saved in another encoding.
 */
export function validateBytes(
	data: Uint8Array,
	fileName: string,
	onProgress: (p: Progress) => void,
	previewLanes?: LaneMode
): Promise<ImportResult> {
	const req: ImportBytesRequest = { bytes: data, fileName, previewLanes };
	let stage = '';
	const relay = (p: ImportProgress) => {
		if (p.type === 'progress') onProgress({ stage: (stage = p.stage), fraction: null });
		else {
			performance.mark('sightline:preview');
			onProgress({ stage, fraction: null, preview: p.columns });
		}
	};
	if (typeof Worker === 'undefined')
		return import('./run.ts').then(({ runImportBytes }) => runImportBytes(req, relay));
	return new Promise((resolve, reject) => {
		const worker = spare ?? startWorker();
		spare = null;
		worker.onmessage = (ev: MessageEvent<ImportProgress | WireResult>) => {
			if (ev.data.type === 'progress' || ev.data.type === 'preview') relay(ev.data);
			else {
				performance.mark('sightline:answered');
				worker.terminate();
				const wire = ev.data;
				if (wire.ok) onProgress({ stage: 'Reading the checked incident', fraction: null });
				// Parsed after the progress line has had a frame to show.
				setTimeout(() => {
					try {
						const result = fromWire(wire);
						performance.mark('sightline:parsed');
						resolve(result);
					} catch (e) {
						reject(e instanceof Error ? e : new Error(String(e)));
					}
				}, 0);
			}
		};
		worker.onerror = (ev) => {
			worker.terminate();
			reject(new Error(ev.message || 'the checking worker stopped'));
		};
		// For benchmarks: bytes in hand (then the worker's answer arrives, then it is read).
		performance.mark('sightline:read');
		const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
		if (whole) worker.postMessage(req, [data.buffer]);
		else worker.postMessage(req);
	});
}

/** Validates the bytes read and names the file in the answer. */
async function finish(
	data: Uint8Array,
	fileName: string,
	bytes: number,
	onProgress: (p: Progress) => void,
	previewLanes?: LaneMode
): Promise<Opened> {
	try {
		const result = await validateBytes(data, fileName, onProgress, previewLanes);
		return result.ok
			? { ok: true, model: result.model, warnings: result.warnings, fileName, bytes }
			: { ok: false, errors: result.errors, fileName };
	} catch (e) {
		return fail(fileName, `could not be checked: ${e instanceof Error ? e.message : String(e)}`);
	}
}

/** Opens a file the user picked or dropped. */
export async function openFile(
	file: File,
	onProgress: (p: Progress) => void,
	previewLanes?: LaneMode
): Promise<Opened> {
	const big = sizeProblem(file.size, file.name);
	if (big) return { ok: false, fileName: file.name, errors: [big] };
	if (file.size === 0)
		return fail(file.name, 'file is empty; expected a JSON incident or a CSV of events');
	onProgress({ stage: `Reading ${file.name} (${formatBytes(file.size)})`, fraction: null });
	prepareWorker();
	let data: Uint8Array;
	try {
		data = new Uint8Array(await file.arrayBuffer());
	} catch (e) {
		return fail(file.name, `could not be read: ${e instanceof Error ? e.message : String(e)}`);
	}
	return finish(data, file.name, file.size, onProgress, previewLanes);
}

/**
 * The request src/app.html's early script started for /open?src=: the answer, and its body
 * gathered as a blob when its size was declared and within the limit.
 */
interface Early {
	href: string;
	res: Promise<{ res: Response; blob: Promise<Blob> | null }>;
}

declare global {
	interface Window {
		/** Not yet taken by the page. */
		__sightlineEarly?: Early;
	}
}

/**
 * The request the page's early script started for `url`, taken once: the file is then on its
 * way while the page's own scripts load. Null when there is none for this address.
 */
export function takeEarly(url: URL): Early['res'] | null {
	if (typeof window === 'undefined') return null;
	const early = window.__sightlineEarly;
	delete window.__sightlineEarly;
	return early && early.href === url.href ? early.res : null;
}

/** The name a file at an address goes by: the last part of its path. */
export function fileNameOf(url: URL): string {
	const last = url.pathname.split('/').pop() || url.pathname;
	try {
		return decodeURIComponent(last) || 'file';
	} catch {
		// A broken escape in the address: show the name as written.
		return last;
	}
}

/** Opens a same-origin address, reading it with progress when the size is known. */
export async function openUrl(
	url: URL,
	onProgress: (p: Progress) => void,
	fetcher: typeof fetch = fetch,
	previewLanes?: LaneMode
): Promise<Opened> {
	const fileName = fileNameOf(url);
	onProgress({ stage: `Requesting ${url.pathname}`, fraction: null });
	prepareWorker();
	let res: Response;
	let blob: Promise<Blob> | null = null;
	try {
		const early = takeEarly(url);
		if (early) ({ res, blob } = await early);
		else res = await fetcher(url, { credentials: 'same-origin' });
	} catch (e) {
		return fail(
			fileName,
			`could not be fetched from ${url.pathname}: ${e instanceof Error ? e.message : String(e)}`
		);
	}
	if (!res.ok)
		return fail(
			fileName,
			`could not be fetched from ${url.pathname}: the server answered ${res.status}${res.statusText ? ' ' + res.statusText : ''}`
		);
	// A compressed answer's length is of the compressed bytes, not of the file the body reads
	// as: its size is then unknown until read.
	const encoding = res.headers.get('content-encoding');
	const encoded = !!encoding && encoding.trim().toLowerCase() !== 'identity';
	const declared = encoded ? 0 : Number(res.headers.get('content-length')) || 0;
	const big = sizeProblem(declared, fileName);
	if (big) return { ok: false, fileName, errors: [big] };
	if (blob) {
		let whole: Blob;
		try {
			whole = await blob;
		} catch (e) {
			return fail(
				fileName,
				`could not be fetched from ${url.pathname}: ${e instanceof Error ? e.message : String(e)}`
			);
		}
		const over = sizeProblem(whole.size, fileName);
		if (over) return { ok: false, fileName, errors: [over] };
		// Read here and handed over as bytes: read in the worker, a large blob took it seconds more.
		let data: Uint8Array;
		try {
			data = new Uint8Array(await whole.arrayBuffer());
		} catch (e) {
			return fail(fileName, `could not be read: ${e instanceof Error ? e.message : String(e)}`);
		}
		return finish(data, fileName, data.length, onProgress, previewLanes);
	}
	let read: Uint8Array | Opened;
	try {
		read = await readBody(res, fileName, declared, onProgress);
	} catch (e) {
		// The connection dropped or the server stopped part-way through the file.
		return fail(
			fileName,
			`could not be fetched from ${url.pathname}: ${e instanceof Error ? e.message : String(e)}`
		);
	}
	return read instanceof Uint8Array
		? finish(read, fileName, read.length, onProgress, previewLanes)
		: read;
}

/** The whole body, read with progress and stopped at the size limit. */
async function readBody(
	res: Response,
	fileName: string,
	declared: number,
	onProgress: (p: Progress) => void
): Promise<Uint8Array | Opened> {
	if (!res.body) return new Uint8Array(await res.arrayBuffer());
	const reader = res.body.getReader();
	const chunks: Uint8Array[] = [];
	let received = 0;
	// The page redraws its progress at most ten times a second: a 60 MB file arrives in
	// hundreds of chunks, and redrawing for each slowed the reading down.
	let shown = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		received += value.length;
		if (received > MAX_IMPORT_BYTES) {
			await reader.cancel();
			// How much was read is not the file's size: only that it is over the limit.
			return { ok: false, fileName, errors: [sizeProblem(received, fileName, false)!] };
		}
		const now = performance.now();
		if (now - shown < 100) continue;
		shown = now;
		onProgress({
			stage: `Reading ${fileName}: ${formatBytes(received)}${declared ? ` of ${formatBytes(declared)}` : ''}`,
			fraction: declared ? Math.min(1, received / declared) : null
		});
	}
	// One copy into one buffer. (Joining the chunks through a Blob took about 0.6 s more at
	// 63 MB: the browser keeps large blobs on disk.)
	if (chunks.length === 1) return chunks[0]!;
	const whole = new Uint8Array(received);
	let at = 0;
	for (const chunk of chunks) {
		whole.set(chunk, at);
		at += chunk.length;
	}
	return whole;
}
