/**
 * The explorer's keys as a table: which key does what, apart from doing it, so the table is
 * tested as data and the workspace only carries actions out (as brief/nav.ts does for slides).
 */

export type KeyAction =
	/** Zoom by a factor about the window's centre: 2 shows half as much time. */
	| { kind: 'zoom'; factor: number }
	/** Pan by a share of the window's width; negative is back in time. */
	| { kind: 'pan'; fraction: number }
	/** Show the whole span, the story's core days, or the selected event. */
	| { kind: 'show'; what: 'span' | 'focus' | 'selected' }
	/** Select the next or previous event. */
	| { kind: 'step'; direction: 1 | -1 }
	/** Select a key moment (0-based). */
	| { kind: 'moment'; index: number }
	/** Close what is open: play, then the relation, the party, the event. */
	| { kind: 'close' };

/** What a key does, or null when the explorer leaves it to the page. */
export function keyAction(key: string, shift: boolean): KeyAction | null {
	switch (key) {
		case '+':
		case '=':
			return { kind: 'zoom', factor: 2 };
		case '-':
		case '_':
			return { kind: 'zoom', factor: 0.5 };
		case 'ArrowLeft':
			return { kind: 'pan', fraction: shift ? -0.5 : -0.1 };
		case 'ArrowRight':
			return { kind: 'pan', fraction: shift ? 0.5 : 0.1 };
		case '0':
			return { kind: 'show', what: 'span' };
		case 'f':
			return { kind: 'show', what: 'focus' };
		case 'z':
			return { kind: 'show', what: 'selected' };
		case 'n':
		case 'j':
			return { kind: 'step', direction: 1 };
		case 'p':
		case 'k':
			return { kind: 'step', direction: -1 };
		case 'Escape':
			return { kind: 'close' };
		default:
			return /^[1-9]$/.test(key) ? { kind: 'moment', index: Number(key) - 1 } : null;
	}
}

/** Whether a key press is the page's to interpret: no modifier, and not typed into a field. */
export function isExplorerKey(ev: KeyboardEvent): boolean {
	if (ev.defaultPrevented || ev.metaKey || ev.ctrlKey || ev.altKey) return false;
	const target = ev.target as HTMLElement | null;
	return !target?.closest?.('input, select, textarea, [contenteditable], summary');
}

/** The window a zoom by `factor` about the centre gives. */
export function zoomedWindow([a, b]: [number, number], factor: number): [number, number] {
	const mid = (a + b) / 2;
	const half = (b - a) / 2 / factor;
	return [mid - half, mid + half];
}
