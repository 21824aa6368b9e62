/** English strings about whose offline work is on a shared device (keys prefixed `device.`), and the sign-out question about it (`signOut.`). Spread into ../en.ts. */
export const deviceEn = {
	'device.others.one': '1 change made by {email} waits on this device. Sign in as that account to send it.',
	'device.others.other': '{count} changes made by {email} wait on this device. Sign in as that account to send them.',
	'device.discard': 'Discard the changes made by {email}',
	'device.discardQuestion.one': 'Discard 1 change made by {email}? It was never sent and will be lost for good.',
	'device.discardQuestion.other': 'Discard {count} changes made by {email}? They were never sent and will be lost for good.',
	'device.discardConfirm.one': 'Yes, discard 1 change',
	'device.discardConfirm.other': 'Yes, discard {count} changes',
	'device.discardCancel': 'Keep them',
	'device.discarded': 'The changes made by {email} were discarded.',
	'signOut.waiting.title': 'Sign out with changes not synced?',
	'signOut.waiting.one': '1 change is not synced yet. If you sign out, it stays on this device and will be sent next time you sign in as {email}.',
	'signOut.waiting.other': '{count} changes are not synced yet. If you sign out, they stay on this device and will be sent next time you sign in as {email}.',
	'signOut.anyway': 'Sign out anyway',
	'signOut.stay': 'Stay signed in'
} as const;
