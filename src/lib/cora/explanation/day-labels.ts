/**
 * English and Spanish labels for everything an explanation can name, keyed so
 * the UI can translate or override them.
 */
import type { Weekday } from '../calendar/calendar-date';
import type { HolidayKey } from '../calendar/statutory-holidays';
import type { DaySkipReason, PauseCause } from '../calendar/working-day-count';
import type { Locale, LocalizedText } from './localized-text';

export const HOLIDAY_LABELS: Readonly<Record<HolidayKey, LocalizedText>> = {
	new_years_day: { en: "New Year's Day", es: 'Año Nuevo' },
	martin_luther_king_jr_day: { en: 'Martin Luther King Jr. Day', es: 'Día de Martin Luther King Jr.' },
	washington_lincoln_day: { en: 'Washington-Lincoln Day', es: 'Día de Washington y Lincoln' },
	memorial_day: { en: 'Memorial Day', es: 'Día de los Caídos (Memorial Day)' },
	juneteenth: { en: 'Juneteenth', es: 'Juneteenth (Día de la Emancipación)' },
	independence_day: { en: 'Independence Day', es: 'Día de la Independencia' },
	labor_day: { en: 'Labor Day', es: 'Día del Trabajo' },
	frances_xavier_cabrini_day: { en: 'Frances Xavier Cabrini Day', es: 'Día de Frances Xavier Cabrini' },
	columbus_day: { en: 'Columbus Day', es: 'Día de Colón' },
	veterans_day: { en: 'Veterans Day', es: 'Día de los Veteranos' },
	thanksgiving_day: { en: 'Thanksgiving Day', es: 'Día de Acción de Gracias' },
	christmas_day: { en: 'Christmas Day', es: 'Navidad' }
};

export const WEEKDAY_LABELS: Readonly<Record<Weekday, LocalizedText>> = {
	sunday: { en: 'Sunday', es: 'domingo' },
	monday: { en: 'Monday', es: 'lunes' },
	tuesday: { en: 'Tuesday', es: 'martes' },
	wednesday: { en: 'Wednesday', es: 'miércoles' },
	thursday: { en: 'Thursday', es: 'jueves' },
	friday: { en: 'Friday', es: 'viernes' },
	saturday: { en: 'Saturday', es: 'sábado' }
};

export const PAUSE_CAUSE_LABELS: Readonly<Record<PauseCause, LocalizedText>> = {
	awaiting_payment: { en: 'awaiting payment', es: 'pendiente de pago' },
	awaiting_clarification: { en: 'awaiting clarification', es: 'pendiente de aclaración' }
};

export const OBSERVED_SUFFIX: LocalizedText = { en: ' (observed)', es: ' (observado)' };

export function holidayLabel(key: HolidayKey, observed: boolean, locale: Locale): string {
	return HOLIDAY_LABELS[key][locale] + (observed ? OBSERVED_SUFFIX[locale] : '');
}

/** A short label for why a day was not counted, e.g. "Thanksgiving Day" or "Saturday". */
export function skipReasonLabel(reason: DaySkipReason, locale: Locale): string {
	switch (reason.kind) {
		case 'weekend':
			return WEEKDAY_LABELS[reason.weekday][locale];
		case 'holiday':
			return holidayLabel(reason.holiday, reason.observed, locale);
		case 'proclaimed_closure':
		case 'extra_closure':
			return locale === 'es' ? (reason.nameEs ?? reason.name) : reason.name;
		case 'clock_paused':
			return locale === 'es'
				? `plazo en pausa (${PAUSE_CAUSE_LABELS[reason.cause].es})`
				: `clock paused (${PAUSE_CAUSE_LABELS[reason.cause].en})`;
		case 'after_cutoff':
			return locale === 'es'
				? `recibida después de la hora límite (${reason.cutoff})`
				: `received after the ${reason.cutoff} cut-off`;
	}
}
