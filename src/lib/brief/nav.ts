/**
 * Briefing controls as a pure function of the key pressed: what presentation clickers send
 * (PageDown/PageUp, arrows, Space, "." or "b" for a blank screen) and what a presenter types
 * (a step number then Enter). Kept free of the DOM so every key is tested without a browser.
 */

export interface NavState {
	/** The current step, 1-based. */
	step: number;
	/** How many steps the storyline has. */
	count: number;
	/** Digits typed so far towards a "number then Enter" jump. */
	typed: string;
}

export type NavAction =
	| { type: 'go'; step: number }
	| { type: 'exit' }
	| { type: 'fullscreen' }
	| { type: 'theme' }
	| { type: 'blank' }
	| { type: 'presenter' }
	| { type: 'typing'; typed: string }
	| { type: 'none' };

export interface KeyInput {
	key: string;
	shiftKey?: boolean;
}

/** Clamps a requested step into 1…count. */
export function clampStep(step: number, count: number): number {
	if (!Number.isFinite(step)) return 1;
	return Math.min(Math.max(1, Math.trunc(step)), Math.max(1, count));
}

/**
 * What a key does at this state. `typing` carries the new digit buffer; every other action
 * clears it. Keys that mean nothing here return `none`, so the browser keeps its default.
 */
export function navKey(state: NavState, input: KeyInput): NavAction {
	const { step, count, typed } = state;
	const go = (n: number): NavAction => {
		const to = clampStep(n, count);
		return to === step ? { type: 'none' } : { type: 'go', step: to };
	};
	if (/^[0-9]$/.test(input.key)) {
		// Three digits are plenty; a stray fourth starts a new number.
		return { type: 'typing', typed: (typed.length >= 3 ? '' : typed) + input.key };
	}
	switch (input.key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
		case 'n':
			return go(step + 1);
		case ' ':
		case 'Spacebar':
			return go(input.shiftKey ? step - 1 : step + 1);
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
		case 'p':
		case 'Backspace':
			return go(step - 1);
		case 'Home':
			return go(1);
		case 'End':
			return go(count);
		case 'Enter':
			if (typed !== '') return go(Number(typed));
			return go(step + 1);
		case 'Escape':
			return typed !== '' ? { type: 'typing', typed: '' } : { type: 'exit' };
		case 'f':
		case 'F':
			return { type: 'fullscreen' };
		case 't':
		case 'T':
			return { type: 'theme' };
		case 'b':
		case 'B':
		case '.':
			return { type: 'blank' };
		case 's':
		case 'S':
			return { type: 'presenter' };
		default:
			return { type: 'none' };
	}
}

/** Parses the step segment of /brief/<story>/<step>: a whole number in 1…count, or null. */
export function parseStep(param: string, count: number): number | null {
	if (!/^[1-9][0-9]{0,3}$/.test(param)) return null;
	const n = Number(param);
	return n >= 1 && n <= count ? n : null;
}

/**
 * Whether a briefing page should leave this key to the browser: modified keys, typing in a
 * field, and Enter or Space on a focused link or button (which do what that control says).
 */
export function keyBelongsElsewhere(ev: KeyboardEvent, typed: string): boolean {
	if (ev.defaultPrevented || ev.metaKey || ev.ctrlKey || ev.altKey) return true;
	const target = ev.target as HTMLElement;
	if (target.closest('input, select, textarea, [contenteditable]')) return true;
	return (ev.key === 'Enter' || ev.key === ' ') && typed === '' && !!target.closest('a, button');
}
