/**
 * Exports what is on screen as a self-contained SVG (and from it a PNG at slide resolution):
 * the figures' SVGs stacked as laid out, every computed style written onto the elements (so
 * the file looks the same outside the page), the page's own font embedded, and a caption line
 * naming the incident, the window and the sources, so a pasted image always says what it is.
 */

/** Styles that decide how SVG marks and text look; everything else is left to defaults. */
const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'stroke-linejoin',
	'stroke-linecap',
	'opacity',
	'paint-order',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'font-variant-numeric',
	'letter-spacing',
	'text-anchor',
	'dominant-baseline',
	'text-decoration-line',
	'visibility'
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface FigureExport {
	svg: string;
	width: number;
	height: number;
}

export const SLIDE = { width: 1920, height: 1080 } as const;

/** Wraps text to lines of at most `max` characters, breaking at spaces. */
export function wrapText(text: string, max: number): string[] {
	const words = text.split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (const w of words) {
		if (line && line.length + 1 + w.length > max) {
			lines.push(line);
			line = w;
		} else line = line ? `${line} ${w}` : w;
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * Characters XML 1.0 cannot carry at all, escaped or not: C0 controls but tab, line feed and
 * carriage return, halves of surrogate pairs, U+FFFE and U+FFFF. The validator refuses most
 * of them in data; whatever still reaches an export is replaced by U+FFFD, so the file is
 * always XML (one NUL and no parser reads it, nor can the browser draw it as a PNG).
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(s: string): string {
	return s.replace(NOT_XML, '\uFFFD');
}

const XML_ESCAPES = new Map([
	['<', '&lt;'],
	['>', '&gt;'],
	['&', '&amp;'],
	['"', '&quot;'],
	["'", '&apos;']
]);

export function escapeXml(s: string): string {
	return xmlSafe(s).replace(/[<>&"']/g, (c) => XML_ESCAPES.get(c)!);
}

/** Copies computed styles onto a cloned tree, dropping what is invisible or only for input. */
function inlineStyles(source: Element, clone: Element) {
	const style = getComputedStyle(source);
	if (style.display === 'none') {
		clone.remove();
		return;
	}
	const decl = STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
	clone.setAttribute('style', decl);
	// SVG text ignores text-transform outside browsers: bake it into the text.
	if (source instanceof SVGTextElement && style.textTransform === 'uppercase')
		clone.textContent = (source.textContent ?? '').toUpperCase();
	clone.removeAttribute('class');
	clone.removeAttribute('tabindex');
	clone.removeAttribute('role');
	const kids = [...source.children];
	const cloneKids = [...clone.children];
	kids.forEach((k, i) => cloneKids[i] && inlineStyles(k, cloneKids[i]!));
}

/** The page's latin Source Sans face as a data: URL, so text renders the same everywhere. */
async function embeddedFont(): Promise<string> {
	const rules: CSSFontFaceRule[] = [];
	for (const sheet of [...document.styleSheets]) {
		let list: CSSRuleList;
		try {
			list = sheet.cssRules;
		} catch {
			continue;
		}
		for (const r of [...list]) if (r instanceof CSSFontFaceRule) rules.push(r);
	}
	const rule = rules.find(
		(r) =>
			/Source Sans 3/.test(r.style.getPropertyValue('font-family')) &&
			/U\+0+-0*FF(?![0-9A-F])/i.test(r.style.getPropertyValue('unicode-range'))
	);
	const src = rule?.style.getPropertyValue('src') ?? '';
	const url = /url\("?([^")]+)"?\)/.exec(src)?.[1];
	if (!url) return '';
	try {
		const res = await fetch(new URL(url, rule!.parentStyleSheet?.href ?? location.href));
		const bytes = new Uint8Array(await res.arrayBuffer());
		let binary = '';
		for (let i = 0; i < bytes.length; i += 0x8000)
			binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
		return `@font-face{font-family:'Source Sans 3 Variable';font-weight:200 900;src:url(data:font/woff2;base64,${btoa(binary)}) format('woff2');}`;
	} catch {
		return '';
	}
}

/**
 * Builds one SVG from every figure under `root` (elements marked `data-export`), in their
 * on-screen arrangement, with a title above and the caption below.
 */
export async function exportFigures(
	root: Element,
	opts: { title: string; caption: string; background?: string }
): Promise<FigureExport> {
	const figures = [...root.querySelectorAll('[data-export]')];
	// A figure far taller than the screen (a timeline of a thousand lanes, which draws only the
	// lanes on screen) is exported as the screen shows it: cut to the window, with the axis that
	// stays at the top of the screen. Anything else is exported whole, and without that axis.
	const screenH = typeof innerHeight === 'number' ? innerHeight : Infinity;
	const tall = (s: SVGSVGElement) => s.getBoundingClientRect().height > 2 * screenH;
	const svgs = figures.flatMap((f) => {
		const all = [...f.querySelectorAll('svg')];
		const cut = all.some(tall);
		return all.filter((s) => {
			const b = s.getBoundingClientRect();
			return (
				b.width * b.height > 20_000 &&
				!s.closest('[hidden]') &&
				!s.hasAttribute('data-transient') &&
				(cut || !s.hasAttribute('data-no-export'))
			);
		});
	});
	if (svgs.length === 0) throw new Error('There is no figure on screen to export.');
	// That axis is drawn over the plot it stands on, as on screen.
	const over = (s: SVGSVGElement) => (s.hasAttribute('data-no-export') ? 1 : 0);
	svgs.sort((a, b) => over(a) - over(b));
	// What is visible of each figure: a tall timeline scrolled inside its box is cut where the
	// box cuts it, so the export shows what the screen shows and nothing overlaps.
	const full = svgs.map((s) => s.getBoundingClientRect());
	const boxes = svgs.map((s, i) => {
		const f = full[i]!;
		const frame = (s.closest('[data-export]') ?? s).getBoundingClientRect();
		const cut = tall(s);
		const l = Math.max(f.left, frame.left);
		const t = Math.max(f.top, frame.top, cut ? 0 : -Infinity);
		const r = Math.min(f.right, frame.right);
		const b = Math.min(f.bottom, frame.bottom, cut ? screenH : Infinity);
		return new DOMRect(l, t, Math.max(0, r - l), Math.max(0, b - t));
	});
	const left = Math.min(...boxes.map((b) => b.left));
	const top = Math.min(...boxes.map((b) => b.top));
	const right = Math.max(...boxes.map((b) => b.right));
	const bottom = Math.max(...boxes.map((b) => b.bottom));
	const pad = 24;
	const width = Math.round(right - left + pad * 2);
	const titleLines = wrapText(opts.title, Math.floor(width / 11));
	const captionLines = wrapText(opts.caption, Math.floor(width / 7.5));
	const head = pad + titleLines.length * 28 + 8;
	const figureHeight = bottom - top;
	const height = Math.round(head + figureHeight + 16 + captionLines.length * 18 + pad);
	const background =
		opts.background ?? getComputedStyle(root).getPropertyValue('--paper').trim() ?? '#fff';
	const ink = getComputedStyle(root).getPropertyValue('--ink').trim() || '#1a1f24';
	const ink2 = getComputedStyle(root).getPropertyValue('--ink-2').trim() || '#4a545e';

	const out = document.createElementNS(SVG_NS, 'svg');
	out.setAttribute('xmlns', SVG_NS);
	out.setAttribute('width', String(width));
	out.setAttribute('height', String(height));
	out.setAttribute('viewBox', `0 0 ${width} ${height}`);
	const font = await embeddedFont();
	const parts: string[] = [
		`<style>${font}text{font-family:'Source Sans 3 Variable','Source Sans 3',system-ui,sans-serif}</style>`,
		`<rect width="${width}" height="${height}" fill="${escapeXml(background || '#fff')}"/>`,
		...titleLines.map(
			(l, i) =>
				`<text x="${pad}" y="${pad + 20 + i * 28}" font-size="22" font-weight="700" fill="${escapeXml(ink)}">${escapeXml(l)}</text>`
		)
	];
	svgs.forEach((s, i) => {
		const b = boxes[i]!;
		const clone = s.cloneNode(true) as SVGSVGElement;
		inlineStyles(s, clone);
		clone.querySelectorAll('.hit, title, defs > style').forEach((n) => n.remove());
		// CSS zoom scales what is drawn; reproduce it so the figure keeps its on-screen size.
		const w = Number(s.getAttribute('width')) || s.viewBox.baseVal?.width || full[i]!.width;
		const k = w > 0 ? full[i]!.width / w : 1;
		const f = full[i]!;
		const frame = `<svg x="${(b.left - left + pad).toFixed(1)}" y="${(b.top - top + head).toFixed(1)}" width="${b.width.toFixed(1)}" height="${b.height.toFixed(1)}" overflow="hidden">`;
		const g = `<g transform="translate(${(f.left - b.left).toFixed(1)},${(f.top - b.top).toFixed(1)}) scale(${k.toFixed(4)})">`;
		clone.removeAttribute('style');
		// Marks a large incident draws on a canvas over the SVG go in as a picture, in place.
		const own = (sel: string) =>
			over(s) ? null : s.parentElement?.querySelector<HTMLCanvasElement>(`:scope > ${sel}`);
		const canvas = own('canvas.marks');
		// Where the canvas sits over the SVG, as laid out: the timeline's canvas covers only the
		// part on screen, and its backing store may be taller than what it shows.
		const picture = (c: HTMLCanvasElement | null | undefined) => {
			if (!c || c.width === 0) return '';
			const r = c.getBoundingClientRect();
			const at = (n: number) => (n / (k || 1)).toFixed(1);
			return `<image href="${c.toDataURL('image/png')}" x="${at(r.left - f.left)}" y="${at(r.top - f.top)}" width="${at(r.width)}" height="${at(r.height)}" preserveAspectRatio="none"/>`;
		};
		// A big graph draws under its SVG instead: that picture goes in first.
		const under = own('canvas.under');
		parts.push(
			frame,
			g,
			picture(under),
			// The serializer writes text and attributes as they are, even what XML cannot hold.
			xmlSafe(new XMLSerializer().serializeToString(clone)),
			picture(canvas),
			'</g></svg>'
		);
	});
	captionLines.forEach((l, i) =>
		parts.push(
			`<text x="${pad}" y="${head + figureHeight + 28 + i * 18}" font-size="13" fill="${escapeXml(ink2)}">${escapeXml(l)}</text>`
		)
	);
	const svg = `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
	return { svg, width, height };
}

/** Renders the SVG centred on a slide-sized canvas (1920×1080 by default) as PNG bytes. */
export async function svgToPng(
	fig: FigureExport,
	size: { width: number; height: number } = SLIDE,
	background = '#fff'
): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([fig.svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.decoding = 'sync';
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('The figure could not be drawn as an image.'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = size.width;
		canvas.height = size.height;
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = background;
		ctx.fillRect(0, 0, size.width, size.height);
		const k = Math.min(size.width / fig.width, size.height / fig.height);
		const w = fig.width * k;
		const h = fig.height * k;
		ctx.drawImage(img, (size.width - w) / 2, (size.height - h) / 2, w, h);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(b) => (b ? resolve(b) : reject(new Error('The image could not be encoded.'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Saves a blob under a file name through the browser's download. */
export function download(blob: Blob, filename: string) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
