/** Spanish strings about whose offline work is on a shared device; must have every key of device.en.ts. */
import type { deviceEn } from './device.en';

export const deviceEs: Record<keyof typeof deviceEn, string> = {
	'device.others.one': '1 cambio hecho por {email} espera en este dispositivo. Entra con esa cuenta para enviarlo.',
	'device.others.other': '{count} cambios hechos por {email} esperan en este dispositivo. Entra con esa cuenta para enviarlos.',
	'device.discard': 'Descartar los cambios hechos por {email}',
	'device.discardQuestion.one': '¿Descartar 1 cambio hecho por {email}? Nunca se envió y se perderá para siempre.',
	'device.discardQuestion.other': '¿Descartar {count} cambios hechos por {email}? Nunca se enviaron y se perderán para siempre.',
	'device.discardConfirm.one': 'Sí, descartar 1 cambio',
	'device.discardConfirm.other': 'Sí, descartar {count} cambios',
	'device.discardCancel': 'Conservarlos',
	'device.discarded': 'Se descartaron los cambios hechos por {email}.',
	'signOut.waiting.title': '¿Salir con cambios sin sincronizar?',
	'signOut.waiting.one': '1 cambio aún no se ha sincronizado. Si sales, se queda en este dispositivo y se enviará la próxima vez que entres como {email}.',
	'signOut.waiting.other': '{count} cambios aún no se han sincronizado. Si sales, se quedan en este dispositivo y se enviarán la próxima vez que entres como {email}.',
	'signOut.anyway': 'Salir de todos modos',
	'signOut.stay': 'Seguir dentro'
};
