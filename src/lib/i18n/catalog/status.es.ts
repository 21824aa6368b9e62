/** Spanish strings of the sync status and the update prompt; must have every key of status.en.ts. */
import type { statusEn } from './status.en';

export const statusEs: Record<keyof typeof statusEn, string> = {
	'offline.offline': 'Sin conexión — los cambios se guardan en este dispositivo y se sincronizarán cuando vuelvas a tener conexión.',
	'offline.pending.one': '1 cambio pendiente de sincronizar',
	'offline.pending.other': '{count} cambios pendientes de sincronizar',
	'offline.syncNow': 'Sincronizar ahora',
	'offline.syncing': 'Sincronizando…',
	'offline.error.network': 'No se pudo contactar con Disclose en el último intento. Volverá a intentarlo solo.',
	'offline.error.signIn': 'Tu sesión ha caducado. Vuelve a entrar para sincronizar; mientras tanto, tus cambios siguen en este dispositivo.',
	'offline.signInAgain': 'Volver a entrar',
	'offline.error.rejected': 'El servidor no aceptó un cambio: {message}',
	'offline.error.notFound': 'El servidor no aceptó un cambio: el registro ya no existe, cambió mientras tanto o ya no puedes editarlo.',
	'offline.error.blocking': 'Los cambios posteriores esperan hasta que lo reintentes o lo descartes.',
	'offline.retry': 'Reintentar',
	'offline.discard': 'Descartar',
	'offline.discardQuestion': '¿Descartar este cambio para siempre? Se perderá lo que escribiste en él.',
	'offline.discardConfirm': 'Sí, descartarlo',
	'offline.discardCancel': 'Conservarlo',
	'pwa.update.ready': 'Hay una nueva versión de Disclose lista',
	'pwa.update.now': 'Actualizar ahora',
	'pwa.update.updating': 'Actualizando…',
	'pwa.update.finishSyncing.one': 'Termina de sincronizar primero: 1 cambio pendiente',
	'pwa.update.finishSyncing.other': 'Termina de sincronizar primero: {count} cambios pendientes'
};
