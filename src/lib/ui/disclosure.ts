/**
 * Follows a <details> the browser opens and closes itself, for a component that renders its
 * contents only while it is open (a list that may hold thousands). `bind:open` would close a
 * disclosure opened in the prerendered page before the scripts ran, as the page hydrated with
 * its state still closed; this reads the element when it mounts and on each toggle, so what the
 * reader opened stays open and its contents appear.
 */
export function followOpen(node: HTMLDetailsElement, onchange: (open: boolean) => void) {
	const read = () => onchange(node.open);
	read();
	node.addEventListener('toggle', read);
	return { destroy: () => node.removeEventListener('toggle', read) };
}
