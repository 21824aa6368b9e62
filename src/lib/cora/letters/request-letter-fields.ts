/** Fields shared by letters that ask for records (their checks: request-letter-checks.ts). */
import type { LetterField } from './letter-types';

export const FEE_WAIVER_REASON: LetterField = {
	key: 'fee_waiver_reason',
	kind: 'longtext',
	required: false,
	label: { en: 'Why fees should be waived', es: 'Por qué deben eximirse los costos' },
	help: {
		en: 'Optional. Colorado has no statutory fee waiver; waiving is at the custodian\'s discretion, so say why disclosure serves the public.',
		es: 'Opcional. Colorado no tiene una exención legal de costos; depende del custodio, así que explique por qué la divulgación beneficia al público.'
	}
};

export const FEE_NOTICE_THRESHOLD: LetterField = {
	key: 'fee_notice_threshold',
	kind: 'money',
	required: false,
	label: { en: 'Ask before fees exceed', es: 'Avisar antes de que los costos superen' },
	help: {
		en: 'Optional. The agency should send an estimate before work costing more than this. Blank = before any fee.',
		es: 'Opcional. La agencia debe enviar una estimación antes de un trabajo que cueste más. Vacío = antes de cualquier costo.'
	}
};

export const FEE_FIELDS: readonly LetterField[] = [FEE_WAIVER_REASON, FEE_NOTICE_THRESHOLD];
