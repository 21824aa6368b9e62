/** English and Spanish labels for statuses and event types, for the UI. */
import type { LocalizedText } from '../explanation/localized-text';
import type { RequestEventType, RequestStatus } from './request-status';

export const STATUS_LABELS: Readonly<Record<RequestStatus, LocalizedText>> = {
	draft: { en: 'Draft', es: 'Borrador' },
	sent: { en: 'Sent', es: 'Enviada' },
	acknowledged: { en: 'Acknowledged', es: 'Acuse de recibo' },
	extended: { en: 'Extended', es: 'Prorrogada' },
	awaiting_payment: { en: 'Awaiting payment', es: 'Pendiente de pago' },
	awaiting_clarification: { en: 'Awaiting clarification', es: 'Pendiente de aclaración' },
	partially_released: { en: 'Partially released', es: 'Entregada en parte' },
	released: { en: 'Released', es: 'Entregada' },
	no_records: { en: 'No records', es: 'Sin registros' },
	denied: { en: 'Denied', es: 'Denegada' },
	notice_of_intent_sent: { en: 'Notice of intent sent', es: 'Aviso de intención enviado' },
	in_litigation: { en: 'In litigation', es: 'En litigio' },
	withdrawn: { en: 'Withdrawn', es: 'Retirada' },
	closed: { en: 'Closed', es: 'Cerrada' }
};

export const EVENT_TYPE_LABELS: Readonly<Record<RequestEventType, LocalizedText>> = {
	sent: { en: 'Request sent', es: 'Solicitud enviada' },
	acknowledged: { en: 'Agency acknowledged', es: 'La agencia acusó recibo' },
	extension_claimed: { en: 'Agency claimed an extension', es: 'La agencia pidió una prórroga' },
	fee_estimate: { en: 'Fee estimate received', es: 'Estimación de costos recibida' },
	payment_made: { en: 'Payment made', es: 'Pago realizado' },
	clarification_requested: { en: 'Agency asked for clarification', es: 'La agencia pidió una aclaración' },
	clarification_given: { en: 'Clarification given', es: 'Aclaración enviada' },
	records_released: { en: 'Records released', es: 'Registros entregados' },
	no_responsive_records: { en: 'No responsive records', es: 'No hay registros que respondan' },
	denied: { en: 'Request denied', es: 'Solicitud denegada' },
	grounds_requested: { en: 'Written grounds requested', es: 'Fundamentos por escrito solicitados' },
	notice_of_intent_sent: { en: 'Notice of intent to sue sent', es: 'Aviso de intención de demandar enviado' },
	litigation: { en: 'Court application filed', es: 'Demanda presentada ante el tribunal' },
	withdrawn: { en: 'Request withdrawn', es: 'Solicitud retirada' },
	closed: { en: 'Closed', es: 'Cerrada' },
	note: { en: 'Note', es: 'Nota' },
	correction: { en: 'Correction', es: 'Corrección' }
};
