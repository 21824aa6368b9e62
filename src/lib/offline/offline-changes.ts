/**
 * "Something in the on-device database changed": told to listeners in this tab
 * and, through a BroadcastChannel, in the app's other tabs, so every open page
 * shows the same count of changes waiting to sync.
 */
const CHANNEL_NAME = 'disclose-offline-data';

type Listener = () => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

function openChannel(): void {
	if (channel || typeof BroadcastChannel !== 'function') return;
	channel = new BroadcastChannel(CHANNEL_NAME);
	channel.addEventListener('message', () => tellListeners());
}

function tellListeners(): void {
	for (const listener of [...listeners]) listener();
}

/** Call after every write to drafts or the outbox. */
export function announceOfflineChange(): void {
	tellListeners();
	channel?.postMessage('changed');
}

/** Listen for changes from this tab and others; returns the function that stops listening. */
export function onOfflineChange(listener: Listener): () => void {
	listeners.add(listener);
	openChannel();
	return () => {
		listeners.delete(listener);
		if (listeners.size === 0) {
			channel?.close();
			channel = null;
		}
	};
}
