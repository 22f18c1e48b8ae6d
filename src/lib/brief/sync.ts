/**
 * Keeps the audience window and the presenter view on the same step, both ways, with no
 * server: a BroadcastChannel per storyline, which every window of this origin in this browser
 * can hear. A window that receives the step it already shows does nothing, so messages never
 * bounce back and forth.
 */

export type BriefMessage =
	| { kind: 'step'; step: number }
	| { kind: 'blank'; blank: boolean }
	| { kind: 'theme'; theme: BriefTheme }
	/** A window that has just opened asks the others where they are. */
	| { kind: 'hello' };

export type BriefTheme = 'light' | 'dark';
export const THEMES: BriefTheme[] = ['light', 'dark'];

export function channelName(incident: string, story: string): string {
	return `sightline:brief:${incident}:${story}`;
}

/** Accepts only well-formed messages: anything else on the channel is ignored. */
export function readMessage(data: unknown): BriefMessage | null {
	if (typeof data !== 'object' || data === null) return null;
	const m = data as { kind?: unknown; step?: unknown; blank?: unknown; theme?: unknown };
	switch (m.kind) {
		case 'step':
			return typeof m.step === 'number' && Number.isInteger(m.step) && m.step >= 1
				? { kind: 'step', step: m.step }
				: null;
		case 'blank':
			return typeof m.blank === 'boolean' ? { kind: 'blank', blank: m.blank } : null;
		case 'theme':
			return m.theme === 'light' || m.theme === 'dark' ? { kind: 'theme', theme: m.theme } : null;
		case 'hello':
			return { kind: 'hello' };
		default:
			return null;
	}
}

export interface BriefLink {
	send(message: BriefMessage): void;
	close(): void;
}

/** Opens the channel; without BroadcastChannel (very old browsers) it is a silent no-op. */
export function openLink(name: string, onMessage: (m: BriefMessage) => void): BriefLink {
	if (typeof BroadcastChannel === 'undefined') return { send() {}, close() {} };
	const channel = new BroadcastChannel(name);
	channel.onmessage = (ev) => {
		const m = readMessage(ev.data);
		if (m) onMessage(m);
	};
	return {
		send: (m) => channel.postMessage(m),
		close: () => channel.close()
	};
}
