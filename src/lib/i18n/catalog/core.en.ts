/** English strings every screen shows up front: app, navigation, errors. Spread into ../en.ts. */
export const coreEn = {
	'app.name': 'Disclose',
	'app.tagline': 'Open-records requests about immigration data sharing in Colorado',
	'nav.skip': 'Skip to main content',
	'nav.home': 'Home',
	'nav.organisations': 'Organisations',
	'nav.signIn': 'Sign in',
	'nav.signOut': 'Sign out',
	'nav.mailbox': 'Dev mailbox',
	'nav.language': 'Language',
	'nav.languageSwitch': 'Español',
	'error.title': 'Something went wrong',
	'error.notFound': 'This page does not exist.',
	'error.back': 'Back to the start page'
} as const;
