/** English strings of the sync status and the update prompt (keys prefixed `offline.` and `pwa.`): loaded with their panels, after the page. Spread into ../en.ts. */
export const statusEn = {
	'offline.offline': 'Offline — changes are saved on this device and will sync when you are back online.',
	'offline.pending.one': '1 change waiting to sync',
	'offline.pending.other': '{count} changes waiting to sync',
	'offline.syncNow': 'Sync now',
	'offline.syncing': 'Syncing…',
	'offline.error.network': 'Disclose could not be reached on the last try. It tries again by itself.',
	'offline.error.signIn': 'Your sign-in has expired. Sign in again to sync; your changes stay on this device meanwhile.',
	'offline.signInAgain': 'Sign in again',
	'offline.error.rejected': 'The server did not accept a change: {message}',
	'offline.error.notFound': 'The server did not accept a change: the record no longer exists, changed meanwhile, or you may no longer edit it.',
	'offline.error.blocking': 'The changes after it wait until you retry or discard it.',
	'offline.retry': 'Retry',
	'offline.discard': 'Discard',
	'offline.discardQuestion': 'Discard this change for good? What you typed in it will be lost.',
	'offline.discardConfirm': 'Yes, discard it',
	'offline.discardCancel': 'Keep it',
	'pwa.update.ready': 'A new version of Disclose is ready',
	'pwa.update.now': 'Update now',
	'pwa.update.updating': 'Updating…',
	'pwa.update.finishSyncing.one': 'Finish syncing first: 1 change waiting',
	'pwa.update.finishSyncing.other': 'Finish syncing first: {count} changes waiting'
} as const;
