/** Spanish strings shared by every screen; must have every key of core.en.ts. */
import type { coreEn } from './core.en';

export const coreEs: Record<keyof typeof coreEn, string> = {
	'app.name': 'Disclose',
	'app.tagline': 'Solicitudes de registros públicos sobre datos compartidos con inmigración en Colorado',
	'nav.skip': 'Saltar al contenido principal',
	'nav.home': 'Inicio',
	'nav.organisations': 'Organizaciones',
	'nav.signIn': 'Entrar',
	'nav.signOut': 'Salir',
	'nav.mailbox': 'Buzón de desarrollo',
	'nav.language': 'Idioma',
	'nav.languageSwitch': 'English',
	'error.title': 'Algo salió mal',
	'error.notFound': 'Esta página no existe.',
	'error.back': 'Volver a la página de inicio'
};
