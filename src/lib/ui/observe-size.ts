/**
 * An element's size as `bind:clientWidth` gives it, without reading it when the element is
 * created. Svelte's binding reads the size at once, and on a page being hydrated that read makes
 * the browser lay out the whole page in the middle of hydrating it, where each layout adds to one
 * long task. A resize observer's first answer comes once the browser lays the page out anyway, in
 * its own rendering step; until then the view draws at its default size, as the prerendered page
 * does.
 */
import type { Attachment } from 'svelte/attachments';

export function observeSize(
	set: (size: { width: number; height: number }) => void
): Attachment<Element> {
	return (element) => {
		const observer = new ResizeObserver(() =>
			set({ width: element.clientWidth, height: element.clientHeight })
		);
		observer.observe(element);
		return () => observer.disconnect();
	};
}
