/**
 * An automated layout check: what a person would call a broken screen, found in the page.
 *
 * `layoutProblems(page)` looks at every visible piece of text on the page (HTML text by the
 * boxes of its lines, SVG text by its element's box) and reports:
 *
 * - `overlap`: text drawn over other text (pieces of the same element are not compared);
 * - `clipped`: text cut by a container that hides its overflow (`overflow: hidden | clip`, an
 *   SVG viewport or clip path), in part or, for HTML containers, wholly;
 * - `truncated`: text ended with an ellipsis on purpose, the full text in a title (reported,
 *   not a fault in itself: item 3 of issue 20 replaces these with labels that use their room);
 * - `wide`: content wider than the viewport, so the page scrolls sideways;
 * - `small`: text rendered under 11 px, measured as drawn: font size times every CSS transform
 *   and SVG viewBox scale on the way to the screen.
 *
 * Screen-reader-only text (clipped to a pixel), text that is not rendered, transparent text and
 * text hidden by `visibility` or `opacity: 0` are skipped. The page is read as it stands, in one
 * task, so the result depends only on the layout: no timing, no screenshots.
 */
import type { Page } from '@playwright/test';

export type LayoutKind = 'overlap' | 'clipped' | 'truncated' | 'wide' | 'small';

export interface LayoutProblem {
	kind: LayoutKind;
	/** A short CSS path of the element holding the text. */
	where: string;
	/** The text (first 60 characters). */
	text: string;
	/** What is wrong: the other text, the clipping container, the size… */
	detail: string;
}

export interface LayoutOptions {
	/** The smallest rendered font size allowed, in CSS px (11). */
	minPx?: number;
	/** Only look inside this element (a CSS selector); the whole document by default. */
	within?: string;
}

/** Runs the check in the page; resolves with every problem found (empty when the page is clean). */
export function layoutProblems(page: Page, options: LayoutOptions = {}): Promise<LayoutProblem[]> {
	return page.evaluate(check, { minPx: options.minPx ?? 11, within: options.within ?? null });
}

/** One line per problem, for a failure message. */
export function describe(problems: LayoutProblem[]): string {
	return problems.map((p) => `${p.kind}: ${p.where} «${p.text}» ${p.detail}`).join('\n');
}

/**
 * The check itself, run in the page (so it uses nothing from this module's scope).
 * Everything is read first and compared afterwards, so the page lays out once.
 */
function check({ minPx, within }: { minPx: number; within: string | null }): LayoutProblem[] {
	type Box = { l: number; t: number; r: number; b: number };
	type Piece = {
		el: Element;
		/** The element whose pieces are not compared with each other (an SVG <text>, or el). */
		owner: Element;
		text: string;
		boxes: Box[];
	};
	const problems: LayoutProblem[] = [];
	const root = (within && document.querySelector(within)) || document.body;
	const SKIP = new Set([
		'SCRIPT',
		'STYLE',
		'NOSCRIPT',
		'TEMPLATE',
		'TITLE',
		'DESC',
		'title',
		'desc',
		'style',
		'script',
		'OPTION',
		'DATALIST',
		'TEXTAREA'
	]);

	const name = (el: Element): string => {
		const tag = el.tagName.toLowerCase();
		if (el.id) return `${tag}#${el.id}`;
		const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class') || '';
		const c = cls
			.split(/\s+/)
			.filter((x) => x && !x.startsWith('svelte-'))
			.slice(0, 2)
			.map((x) => `.${x}`)
			.join('');
		return tag + c;
	};
	const pathOf = (el: Element): string => {
		const parts: string[] = [];
		for (
			let e: Element | null = el;
			e && e !== document.body && parts.length < 4;
			e = e.parentElement
		) {
			parts.unshift(name(e));
			if (e.id) break;
		}
		return parts.join(' > ');
	};
	const short = (s: string) => {
		const t = s.replace(/\s+/g, ' ').trim();
		return t.length > 60 ? `${t.slice(0, 59)}…` : t;
	};
	const styles = new Map<Element, CSSStyleDeclaration>();
	const style = (el: Element) => {
		let s = styles.get(el);
		if (!s) styles.set(el, (s = getComputedStyle(el)));
		return s;
	};

	/** Visually hidden (screen-reader-only) or not drawn at all. */
	const hiddenCache = new Map<Element, boolean>();
	const hidden = (el: Element): boolean => {
		const known = hiddenCache.get(el);
		if (known !== undefined) return known;
		let h = false;
		const s = style(el);
		if (SKIP.has(el.tagName)) h = true;
		// Not rendered: display none on the way up, or inside a closed <details>
		// (content-visibility: hidden), whose text still has boxes.
		// (An element of display: contents has no box of its own, so nothing to check.)
		else if (
			s.display !== 'contents' &&
			!el.checkVisibility({ contentVisibilityAuto: false, visibilityProperty: false })
		)
			h = true;
		else if (s.display === 'none' || s.opacity === '0') h = true;
		else if (s.clip !== 'auto' && s.clip !== '' && s.position === 'absolute') h = true;
		else if (/inset\(50%\)/.test(s.clipPath)) h = true;
		else if (el.classList.contains('visually-hidden') || el.classList.contains('sr-only')) h = true;
		else if (el.tagName.toLowerCase() === 'defs' || el.tagName.toLowerCase() === 'clippath')
			h = true;
		else if (el.parentElement && el !== root) h = hidden(el.parentElement);
		hiddenCache.set(el, h);
		return h;
	};
	const transparent = (el: Element): boolean => {
		const s = style(el);
		if (s.visibility !== 'visible') return true;
		const isSvg = el instanceof SVGElement;
		const paint = isSvg ? s.fill : s.color;
		if (isSvg && (paint === 'none' || s.fillOpacity === '0')) {
			return s.stroke === 'none' || s.strokeOpacity === '0';
		}
		return /rgba\([^)]*,\s*0\)$/.test(paint) || paint === 'transparent';
	};

	/** The boxes that clip an element's drawing, nearest first (HTML overflow, SVG viewports, clip paths). */
	/** `scroll`: a scroll box, which hides what is scrolled away but cuts nothing for good. */
	type Clip = { el: Element; box: Box; html: boolean; ellipsis: boolean; scroll: boolean };
	const clipCache = new Map<Element, Clip[]>();
	const toBox = (
		r: DOMRect | { left: number; top: number; right: number; bottom: number }
	): Box => ({
		l: r.left,
		t: r.top,
		r: r.right,
		b: r.bottom
	});
	const clipPathBox = (el: SVGGraphicsElement, ref: string): Box | null => {
		const m = /url\(["']?#([^"')]+)["']?\)/.exec(ref);
		if (!m) return null;
		const cp = document.getElementById(m[1]!);
		if (!cp) return null;
		const shape = cp.firstElementChild as SVGGraphicsElement | null;
		if (!shape || typeof shape.getBBox !== 'function') return null;
		const bb = shape.getBBox();
		const ctm = el.getScreenCTM();
		if (!ctm) return null;
		const pts = [
			[bb.x, bb.y],
			[bb.x + bb.width, bb.y],
			[bb.x, bb.y + bb.height],
			[bb.x + bb.width, bb.y + bb.height]
		].map(([x, y]) => new DOMPoint(x, y).matrixTransform(ctm));
		return {
			l: Math.min(...pts.map((p) => p.x)),
			t: Math.min(...pts.map((p) => p.y)),
			r: Math.max(...pts.map((p) => p.x)),
			b: Math.max(...pts.map((p) => p.y))
		};
	};
	const clipsOf = (el: Element): Clip[] => {
		const known = clipCache.get(el);
		if (known) return known;
		const own: Clip[] = [];
		const s = style(el);
		const isSvg = el instanceof SVGElement;
		if (el !== document.documentElement && el !== document.body) {
			const clipsX = s.overflowX !== 'visible';
			const clipsY = s.overflowY !== 'visible';
			const scrolls = /auto|scroll/.test(s.overflowX + s.overflowY);
			if ((clipsX || clipsY || scrolls) && (!isSvg || el.tagName.toLowerCase() === 'svg')) {
				const r = el.getBoundingClientRect();
				// The padding box: an element clips at its padding edge, not its border.
				const bl = parseFloat(s.borderLeftWidth) || 0;
				const bt = parseFloat(s.borderTopWidth) || 0;
				const br = parseFloat(s.borderRightWidth) || 0;
				const bb = parseFloat(s.borderBottomWidth) || 0;
				own.push({
					el,
					box: {
						l: clipsX ? r.left + bl : -Infinity,
						t: clipsY ? r.top + bt : -Infinity,
						r: clipsX ? r.right - br : Infinity,
						b: clipsY ? r.bottom - bb : Infinity
					},
					html: !isSvg,
					ellipsis: s.textOverflow === 'ellipsis',
					scroll: scrolls
				});
			}
			if (isSvg && s.clipPath && s.clipPath.startsWith('url(')) {
				const box = clipPathBox(el as SVGGraphicsElement, s.clipPath);
				if (box) own.push({ el, box, html: false, ellipsis: false, scroll: false });
			}
		}
		const all = el.parentElement ? [...own, ...clipsOf(el.parentElement)] : own;
		clipCache.set(el, all);
		return all;
	};

	/** The factor from CSS px in the element's own coordinates to px on the screen. */
	const scaleOf = (el: Element): number => {
		if (el instanceof SVGGraphicsElement) {
			const m = el.getScreenCTM();
			return m ? Math.hypot(m.c, m.d) : 1;
		}
		let h: Element | null = el;
		while (h && !(h instanceof HTMLElement && h.offsetWidth > 0)) h = h.parentElement;
		if (!h) return 1;
		const he = h as HTMLElement;
		const r = he.getBoundingClientRect();
		// offsetWidth is rounded to a whole pixel: a ratio within that rounding is no scale at all.
		const ratio = r.width / he.offsetWidth || 1;
		return Math.abs(ratio - 1) <= 0.5 / he.offsetWidth + 1e-6 ? 1 : ratio;
	};

	// Read every piece of visible text.
	const pieces: Piece[] = [];
	const titled = (el: Element): string | null => {
		for (let e: Element | null = el; e; e = e.parentElement) {
			const t = e.getAttribute('title') || e.getAttribute('aria-label');
			if (t) return t;
			const svgTitle = [...e.children].find((c) => c.tagName.toLowerCase() === 'title');
			if (svgTitle?.textContent) return svgTitle.textContent;
			if (e === root) break;
		}
		return null;
	};
	const seenSmall = new Set<Element>();
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	const range = document.createRange();
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const text = n.nodeValue ?? '';
		if (!text.trim()) continue;
		const el = n.parentElement;
		if (!el || hidden(el) || transparent(el)) continue;
		const svgText = el instanceof SVGElement ? (el.closest('text') ?? el) : null;
		let boxes: Box[];
		if (svgText) {
			const r = el.getBoundingClientRect();
			boxes = r.width > 0 && r.height > 0 ? [toBox(r)] : [];
		} else {
			range.selectNodeContents(n);
			boxes = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5).map(toBox);
		}
		if (boxes.length === 0) continue;
		const owner = svgText ?? el;

		// Clipped: by the nearest container that cuts any of its boxes.
		const clips = clipsOf(el);
		let visible = boxes;
		let clippedBy: Clip | null = null;
		let whollyHidden = false;
		for (const c of clips) {
			const cut = visible.some(
				(b) => b.l < c.box.l - 1 || b.t < c.box.t - 1 || b.r > c.box.r + 1 || b.b > c.box.b + 1
			);
			if (cut && !clippedBy && !c.scroll) clippedBy = c;
			visible = visible
				.map((b) => ({
					l: Math.max(b.l, c.box.l),
					t: Math.max(b.t, c.box.t),
					r: Math.min(b.r, c.box.r),
					b: Math.min(b.b, c.box.b)
				}))
				.filter((b) => b.r - b.l > 0.5 && b.b - b.t > 0.5);
			if (visible.length === 0) {
				whollyHidden = true;
				// Scrolled out of its box: hidden, not cut.
				clippedBy = c.scroll ? null : c;
				break;
			}
		}
		const full = short(svgText ? (svgText.textContent ?? text) : text);
		if (clippedBy && (!whollyHidden || clippedBy.html)) {
			const c = clippedBy;
			// Text clipped by a 1-px box is screen-reader text however it is spelt.
			const cw = c.box.r - c.box.l;
			const ch = c.box.b - c.box.t;
			if (!(cw <= 2 || ch <= 2)) {
				const tip = titled(el);
				const deliberate = c.ellipsis && tip !== null && tip.length >= text.trim().length;
				problems.push({
					kind: deliberate ? 'truncated' : 'clipped',
					where: pathOf(el),
					text: full,
					detail: `${whollyHidden ? 'hidden wholly' : 'cut'} by ${pathOf(c.el)}${
						c.ellipsis ? ' (ellipsis)' : ''
					}${deliberate ? `; full text in a title: «${short(tip!)}»` : ''}`
				});
			}
		}
		if (whollyHidden) continue;

		// Ended with an ellipsis in the text itself (SVG labels shortened in script).
		if (/…\s*$/.test(text) && !/^\s*…\s*$/.test(text)) {
			const tip = titled(el);
			if (tip && tip.replace(/…\s*$/, '').length > text.trim().length - 1)
				problems.push({
					kind: 'truncated',
					where: pathOf(el),
					text: full,
					detail: `full text in a title: «${short(tip)}»`
				});
		}

		// Small: the size the glyphs are drawn at.
		if (!seenSmall.has(owner)) {
			seenSmall.add(owner);
			const px = (parseFloat(style(el).fontSize) || 0) * scaleOf(el);
			if (px > 0 && px < minPx - 0.05)
				problems.push({
					kind: 'small',
					where: pathOf(el),
					text: full,
					detail: `drawn at ${px.toFixed(1)} px`
				});
		}
		pieces.push({ el, owner, text: full, boxes: visible });
	}

	// Overlap: a sweep over the boxes sorted by their left edge.
	type Entry = { b: Box; p: Piece };
	/** The nearest fixed-position layer holding an element (a sheet or a dialog), if any. */
	const layerOf = (el: Element): Element | null => {
		for (let e: Element | null = el; e; e = e.parentElement)
			if (getComputedStyle(e).position === 'fixed') return e;
		return null;
	};
	/**
	 * Whether one of two overlapping texts is hidden under an opaque layer holding the other (a
	 * phone's bottom sheet over the page): covered on purpose, not printed over. Decided by what
	 * the browser shows at the middle of the overlap.
	 */
	const covered = (a: Entry, z: Entry, w: number, h: number): boolean => {
		const [la, lz] = [layerOf(a.p.owner), layerOf(z.p.owner)];
		if (la === lz) return false;
		const x = Math.max(a.b.l, z.b.l) + w / 2;
		const y = Math.max(a.b.t, z.b.t) + h / 2;
		const top = document.elementFromPoint(x, y);
		if (!top) return false;
		const layer = la && la.contains(top) ? la : lz && lz.contains(top) ? lz : null;
		if (!layer) return false;
		const bg = getComputedStyle(layer).backgroundColor;
		const opaque = !/rgba\(.*,\s*0(\.\d+)?\)$/.test(bg) && bg !== 'transparent';
		return opaque;
	};
	const entries: Entry[] = pieces.flatMap((p) => p.boxes.map((b) => ({ b, p })));
	entries.sort((a, z) => a.b.l - z.b.l);
	const reported = new Set<string>();
	const active: Entry[] = [];
	for (const e of entries) {
		for (let i = active.length - 1; i >= 0; i--)
			if (active[i]!.b.r <= e.b.l + 1) active.splice(i, 1);
		for (const o of active) {
			if (o.p.owner === e.p.owner) continue;
			if (o.p.owner.contains(e.p.owner) || e.p.owner.contains(o.p.owner)) continue;
			const w = Math.min(o.b.r, e.b.r) - Math.max(o.b.l, e.b.l);
			const h = Math.min(o.b.b, e.b.b) - Math.max(o.b.t, e.b.t);
			const minH = Math.min(o.b.b - o.b.t, e.b.b - e.b.t);
			if (w > 2 && h > Math.max(2, minH * 0.25) && !covered(o, e, w, h)) {
				const key = [o.p.owner, e.p.owner].map(pathOf).sort().join('|') + o.p.text + e.p.text;
				if (reported.has(key)) continue;
				reported.add(key);
				problems.push({
					kind: 'overlap',
					where: pathOf(e.p.el),
					text: e.p.text,
					detail: `overlaps «${o.p.text}» in ${pathOf(o.p.el)} by ${w.toFixed(0)}×${h.toFixed(0)} px`
				});
			}
		}
		active.push(e);
	}

	// Wide: the page scrolls sideways; name the deepest elements reaching past the right edge.
	// Measured against the layout viewport: on a phone, content wider than the screen widens
	// innerWidth with it (the page is zoomed out to fit), so innerWidth would never be passed.
	const doc = document.scrollingElement ?? document.documentElement;
	const screenWidth = document.documentElement.clientWidth;
	if (!within && doc.scrollWidth > screenWidth) {
		const past = [...document.body.querySelectorAll('*')].filter((el) => {
			const r = el.getBoundingClientRect();
			return (
				r.width > 0 && r.right > screenWidth + 1 && clipsOf(el).every((c) => c.box.r > screenWidth)
			);
		});
		const deepest = past.filter((el) => !past.some((o) => o !== el && el.contains(o))).slice(0, 3);
		problems.push({
			kind: 'wide',
			where: deepest.map(pathOf).join(', ') || 'body',
			text: short(deepest[0]?.textContent ?? ''),
			detail: `the page is ${doc.scrollWidth} px wide in a ${screenWidth} px viewport`
		});
	}
	return problems;
}
