/**
 * Text widths for layouts drawn in SVG or canvas, where the browser cannot wrap or fit text by
 * itself: measured with a canvas in the page's own typeface, estimated where there is no
 * canvas (prerendering). Widths are cached per font and text.
 */
export type MeasureText = (text: string, sizePx: number, bold?: boolean) => number;

/** An estimate for where nothing can measure: a generous average glyph width. */
export const estimateText: MeasureText = (text, size, bold) =>
	text.length * size * (bold ? 0.56 : 0.52);

const FAMILY = "'Source Sans 3 Variable', 'Source Sans 3', system-ui, sans-serif";
let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();
/** How much wider drawn text may run than its canvas measure. */
const SLACK = 1.02;
/** Bounded: a hostile file of a million distinct names cannot grow it without end. */
const CACHE_LIMIT = 20_000;

/** Measures in the browser; falls back to the estimate where there is no canvas. */
export const measureText: MeasureText = (text, size, bold = false) => {
	if (context === undefined)
		context =
			typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
	if (!context) return estimateText(text, size, bold);
	const font = `${bold ? 700 : 400} ${size}px ${FAMILY}`;
	const key = `${font}|${text}`;
	let width = cache.get(key);
	if (width === undefined) {
		context.font = font;
		// Drawn text can run a little wider than measured (hinting; some builds of the browser
		// round canvas widths to whole pixels): an allowance keeps fitted text inside its room.
		width = context.measureText(text).width * SLACK + 1;
		if (cache.size >= CACHE_LIMIT) cache.clear();
		cache.set(key, width);
	}
	return width;
};

/** Widths measured before the typeface arrived are wrong: forget them once it has. */
export function forgetMeasures(): void {
	cache.clear();
}
