/**
 * Registers the service worker (production builds, in the browser only, with
 * workbox-window loaded on demand so it stays off the critical path) and
 * tracks whether a new version waits for the user's "Update now".
 */
import { browser } from '$app/environment';
import type { Workbox } from 'workbox-window';
import { SERVICE_WORKER_PATH } from './pwa-paths';
import { CLEAR_USER_CACHES, SKIP_WAITING } from './service-worker-messages';

class AppUpdate {
	/** A new version is installed and waits; the page runs the old one until it reloads. */
	ready = $state(false);
	/** The user chose "Update now": the page reloads once the new version controls it. */
	updating = $state(false);
}

export const appUpdate = new AppUpdate();

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;
let workbox: Workbox | null = null;
let lastUpdateCheck = Date.now();

function serviceWorkersAvailable(): boolean {
	return browser && import.meta.env.PROD && 'serviceWorker' in navigator;
}

/** Register once; safe to call from every mount. */
export async function registerServiceWorker(): Promise<void> {
	if (!serviceWorkersAvailable() || workbox) return;
	const { Workbox } = await import('workbox-window');
	if (workbox) return;
	workbox = new Workbox(SERVICE_WORKER_PATH, { scope: '/' });
	workbox.addEventListener('waiting', () => (appUpdate.ready = true));
	// Installed apps stay open for days: look for a new version when the app comes back, at most hourly.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState !== 'visible' || Date.now() - lastUpdateCheck < UPDATE_CHECK_INTERVAL_MS) return;
		lastUpdateCheck = Date.now();
		void workbox?.update();
	});
	try {
		await workbox.register();
	} catch {
		// Registration refused (private browsing in some browsers, service workers blocked by policy): the app works
		// online as before, only without kept pages; a later mount tries again.
		workbox = null;
	}
}

/**
 * Switch to the waiting version: tell it to activate, then reload once it
 * controls the page. The caller makes sure no unsynced work would be interrupted.
 */
export async function applyUpdate(): Promise<void> {
	if (!workbox || !appUpdate.ready || appUpdate.updating) return;
	appUpdate.updating = true;
	const registration = await navigator.serviceWorker.getRegistration();
	if (!registration?.waiting) {
		// Another tab already activated it; this page still runs the old code.
		window.location.reload();
		return;
	}
	workbox.addEventListener('controlling', () => window.location.reload());
	registration.waiting.postMessage({ type: SKIP_WAITING });
}

/** Ask the service worker to forget the pages and directory kept for the signed-in person. Resolves when done (or after 3 s). */
export async function clearUserCaches(): Promise<void> {
	if (!serviceWorkersAvailable()) return;
	const controller = navigator.serviceWorker.controller;
	if (!controller) return;
	const channel = new MessageChannel();
	const done = new Promise<void>((resolve) => {
		channel.port1.onmessage = () => resolve();
		setTimeout(resolve, 3000);
	});
	controller.postMessage({ type: CLEAR_USER_CACHES }, [channel.port2]);
	await done;
}
