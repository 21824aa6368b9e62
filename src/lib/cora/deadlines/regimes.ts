/**
 * Which law governs a request, and the day counts each one sets
 * (SOURCES.md §"Which law applies").
 */
import type { LocalizedText } from '../explanation/localized-text';

export type Regime = 'cora' | 'ccjra' | 'pairr2';

export const REGIMES: readonly Regime[] = ['cora', 'ccjra', 'pairr2'];

export interface RegimeRule {
	regime: Regime;
	label: LocalizedText;
	citation: string;
	/** False for CCJRA: "a reasonable time", no fixed count, so the user picks a follow-up date. */
	computesDeadline: boolean;
	initialWorkingDays: number | null;
	extensionWorkingDays: number | null;
	/** Working days after payment by which records are due; null = the paused clock resumes instead. */
	afterPaymentWorkingDays: number | null;
	source: string;
}

export const REGIME_RULES: Readonly<Record<Regime, RegimeRule>> = {
	cora: {
		regime: 'cora',
		label: { en: 'Colorado Open Records Act (CORA)', es: 'Ley de Registros Abiertos de Colorado (CORA)' },
		citation: 'C.R.S. 24-72-201 to -206',
		computesDeadline: true,
		// 3 working days; up to 7 more for "extenuating circumstances" (colorado.gov/governor/CORA).
		initialWorkingDays: 3,
		extensionWorkingDays: 7,
		// Records due within 3 business days of payment (C.R.S. 24-72-205, via lexace.ai).
		afterPaymentWorkingDays: 3,
		source: 'colorado.gov/governor/CORA; asd20.org/cora-requests; pbmprd.org CORA page; 24-72-205 via lexace.ai'
	},
	ccjra: {
		regime: 'ccjra',
		label: {
			en: 'Colorado Criminal Justice Records Act (CCJRA)',
			es: 'Ley de Registros de Justicia Penal de Colorado (CCJRA)'
		},
		citation: 'C.R.S. 24-72-301 et seq.',
		// "A reasonable time", no fixed count (dcj.colorado.gov/contact-us).
		computesDeadline: false,
		initialWorkingDays: null,
		extensionWorkingDays: null,
		afterPaymentWorkingDays: null,
		source: 'dcj.colorado.gov/contact-us'
	},
	pairr2: {
		regime: 'pairr2',
		label: { en: 'P.A.I.R.R. 2 (Colorado Judicial Branch rule)', es: 'P.A.I.R.R. 2 (norma del Poder Judicial de Colorado)' },
		citation: 'P.A.I.R.R. 2',
		computesDeadline: true,
		// 3 business days, up to 7 more (coloradofoic.org, Court of Appeals article).
		initialWorkingDays: 3,
		extensionWorkingDays: 7,
		// No after-payment rule is known for P.A.I.R.R. 2: the paused clock resumes.
		afterPaymentWorkingDays: null,
		source: 'coloradofoic.org (Court of Appeals article)'
	}
};

export function isRegime(value: unknown): value is Regime {
	return typeof value === 'string' && (REGIMES as readonly string[]).includes(value);
}
