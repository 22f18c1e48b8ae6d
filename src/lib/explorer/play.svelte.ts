/**
 * Play: steps the window forward through time, a quarter of its width a second, so relations
 * and events appear as they happened; it stops at the end of the span or when asked.
 */
import type { Explorer } from './explorer.svelte';

export class Player {
	playing = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;
	readonly #explorer: Explorer;
	readonly #move: (w: [number, number]) => void;

	/** `move` eases the window to the next one (see animateWindow). */
	constructor(explorer: Explorer, move: (w: [number, number]) => void) {
		this.#explorer = explorer;
		this.#move = move;
	}

	toggle() {
		if (this.playing) return this.stop();
		this.playing = true;
		this.#step();
	}

	stop() {
		this.playing = false;
		clearTimeout(this.#timer);
	}

	#step() {
		const [a, b] = this.#explorer.window;
		if (b >= this.#explorer.index.span[1]) return this.stop();
		const step = (b - a) / 4;
		this.#move([a + step, b + step]);
		this.#timer = setTimeout(() => this.#step(), 1000);
	}
}
