/**
 * Words of the public statistics pages, English and Spanish. These pages are
 * rendered on the server only (no JavaScript), so they carry their own small
 * catalog instead of loading the app's.
 */
const en = {
	title: 'Disclosures to immigration enforcement',
	intro: 'What Colorado agencies shared with federal immigration enforcement, as counted from the published responses to open-records requests filed by advocacy organisations. Counts only: never a letter, a document, a name or who filed.',
	filters: 'Filter', agency: 'Agency', category: 'Kind of data', legal: 'Legal process cited', from: 'From quarter', to: 'To quarter', any: 'Any', apply: 'Show', clear: 'Clear filters',
	invalid: 'Some filters in the address were not understood and were left out: {names}.',
	headline: 'In the published responses', findings: 'Disclosures found', people: 'People affected', records: 'Records shared', agencies: 'Agencies', requests: 'Published requests',
	unknownPeople: '{n} of the disclosures do not say how many people; they are not in the people count.',
	unknownRecords: '{n} do not say how many records.',
	period: 'Period covered', latest: 'Latest published response', none: 'None yet',
	empty: 'Nothing has been published for this view yet.',
	warrantTitle: 'With or without a judge',
	warrantIntro: 'Colorado law (SB21-131, C.R.S. 24-74) allows agencies to share personal information with immigration enforcement on a judicial warrant or a court order. What the records show was cited:',
	courtAuthorised: 'A judicial warrant or court order cited', notCourtAuthorised: 'No judicial warrant or court order cited (administrative subpoena, none, or not stated)',
	byAgency: 'By agency', onTime: 'Answered on time', median: 'Median working days to first response', outcomes: 'Outcomes', tooFew: 'too few to compare',
	onTimeValue: '{share} ({n} of {d}; 95% interval {lo}–{hi})', days: '{n} working days ({calendar} calendar days)',
	outcome: { released: 'released', partial: 'partly released', no_records: 'no records', denied: 'denied', pending: 'pending', overdue: 'overdue', closed: 'closed' },
	byCategory: 'By kind of data', categoryNote: 'A disclosure can name several kinds of data, so these rows add up to more than the total.',
	byLegal: 'By legal process cited', byRecipient: 'By recipient', byQuarter: 'By quarter the shared period starts', chartLabel: 'Disclosures found per quarter',
	fewerThan: 'fewer than {k}', hidden: 'hidden',
	suppression: 'Counts of people or records from 1 to {k1} are shown as "fewer than {k}", and a few other counts are hidden, so that no small number can be worked out from the rest. Zero is zero.',
	downloads: 'Data', json: 'JSON', csv: 'CSV', datapackage: 'Data package (Frictionless) describing both files', methodology: 'How these numbers are made', licence: 'The data is published under the Creative Commons Attribution 4.0 licence (CC BY 4.0).',
	permalink: 'Link to this view', key: 'Key',
	cardAllView: 'All agencies · all periods', cardFooter: 'Disclose · Colorado · counts from 1 to {k1} are not shown exactly', cardAlt: 'The headline figures of this view',
	share: 'Share this view', shareHelp: 'Select the address and copy it, or send it by email.', shareEmail: 'Send this view by email', shareSubject: 'Disclosures to immigration enforcement in Colorado', shareBody: 'The published figures for this view: {url}',
	embed: 'Put these figures on your site', embedHelp: 'Copy this into your page: a small box with the figures of this view (the whole coalition, or the agency chosen above), updated as responses are published. It sets no cookie and runs no script.',
	embedMore: 'All the figures and how they are made', unknownQuarter: 'Period not stated',
	categories: { address: 'Address', employer: 'Employer', wage_records: 'Wage records', driver_licence_or_photo: "Driver's licence or photo", ssn: 'Social Security number', phone_or_email: 'Phone or email', benefits: 'Benefits', immigration_status: 'Immigration status', other: 'Other' },
	processes: { judicial_warrant: 'Judicial warrant', court_order: 'Court order', administrative_subpoena: 'Administrative subpoena', none_cited: 'None cited', unknown: 'Not stated' },
	recipients: { ice: 'ICE', cbp: 'CBP', other_dhs: 'Other DHS', other_federal: 'Other federal', unknown: 'Not stated' }
};

export type StatsWords = typeof en;

const es: StatsWords = {
	title: 'Datos entregados a las autoridades de inmigración',
	intro: 'Lo que agencias de Colorado compartieron con las autoridades federales de inmigración, contado a partir de las respuestas publicadas a solicitudes de registros abiertos presentadas por organizaciones. Solo cifras: nunca una carta, un documento, un nombre ni quién presentó la solicitud.',
	filters: 'Filtrar', agency: 'Agencia', category: 'Tipo de dato', legal: 'Proceso legal citado', from: 'Desde el trimestre', to: 'Hasta el trimestre', any: 'Cualquiera', apply: 'Mostrar', clear: 'Quitar filtros',
	invalid: 'Algunos filtros de la dirección no se entendieron y se omitieron: {names}.',
	headline: 'En las respuestas publicadas', findings: 'Entregas encontradas', people: 'Personas afectadas', records: 'Registros compartidos', agencies: 'Agencias', requests: 'Solicitudes publicadas',
	unknownPeople: '{n} de las entregas no dicen a cuántas personas afectan; no están en la cifra de personas.',
	unknownRecords: '{n} no dicen cuántos registros.',
	period: 'Periodo cubierto', latest: 'Última respuesta publicada', none: 'Ninguna todavía',
	empty: 'Todavía no se ha publicado nada para esta vista.',
	warrantTitle: 'Con o sin juez',
	warrantIntro: 'La ley de Colorado (SB21-131, C.R.S. 24-74) permite a las agencias compartir información personal con las autoridades de inmigración con una orden judicial de registro o una orden de un tribunal. Lo que muestran los registros:',
	courtAuthorised: 'Se citó una orden judicial o de un tribunal', notCourtAuthorised: 'No se citó orden judicial ni de tribunal (citación administrativa, ninguna o no consta)',
	byAgency: 'Por agencia', onTime: 'Respondidas a tiempo', median: 'Mediana de días hábiles hasta la primera respuesta', outcomes: 'Resultados', tooFew: 'muy pocas para comparar',
	onTimeValue: '{share} ({n} de {d}; intervalo del 95 %: {lo}–{hi})', days: '{n} días hábiles ({calendar} días naturales)',
	outcome: { released: 'entregados', partial: 'entregados en parte', no_records: 'sin registros', denied: 'denegadas', pending: 'pendientes', overdue: 'vencidas', closed: 'cerradas' },
	byCategory: 'Por tipo de dato', categoryNote: 'Una entrega puede incluir varios tipos de datos, así que estas filas suman más que el total.',
	byLegal: 'Por proceso legal citado', byRecipient: 'Por destinatario', byQuarter: 'Por trimestre en que empieza el periodo', chartLabel: 'Entregas encontradas por trimestre',
	fewerThan: 'menos de {k}', hidden: 'oculto',
	suppression: 'Las cifras de personas o registros de 1 a {k1} se muestran como «menos de {k}», y algunas otras se ocultan, para que ninguna cifra pequeña pueda deducirse de las demás. Cero es cero.',
	downloads: 'Datos', json: 'JSON', csv: 'CSV', datapackage: 'Paquete de datos (Frictionless) que describe ambos archivos', methodology: 'Cómo se obtienen estas cifras', licence: 'Los datos se publican con la licencia Creative Commons Atribución 4.0 (CC BY 4.0).',
	permalink: 'Enlace a esta vista', key: 'Clave',
	cardAllView: 'Todas las agencias · todos los periodos', cardFooter: 'Disclose · Colorado · las cifras de 1 a {k1} no se muestran con exactitud', cardAlt: 'Las cifras principales de esta vista',
	share: 'Compartir esta vista', shareHelp: 'Seleccione la dirección y cópiela, o envíela por correo electrónico.', shareEmail: 'Enviar esta vista por correo electrónico', shareSubject: 'Datos entregados a las autoridades de inmigración en Colorado', shareBody: 'Las cifras publicadas de esta vista: {url}',
	embed: 'Ponga estas cifras en su sitio', embedHelp: 'Copie esto en su página: un recuadro pequeño con las cifras de esta vista (toda la coalición, o la agencia elegida arriba), que se actualiza al publicarse respuestas. No usa cookies ni ejecuta scripts.',
	embedMore: 'Todas las cifras y cómo se obtienen', unknownQuarter: 'Periodo no indicado',
	categories: { address: 'Domicilio', employer: 'Empleador', wage_records: 'Registros salariales', driver_licence_or_photo: 'Licencia de conducir o foto', ssn: 'Número de Seguro Social', phone_or_email: 'Teléfono o correo', benefits: 'Beneficios', immigration_status: 'Estatus migratorio', other: 'Otro' },
	processes: { judicial_warrant: 'Orden judicial', court_order: 'Orden de un tribunal', administrative_subpoena: 'Citación administrativa', none_cited: 'Ninguno citado', unknown: 'No consta' },
	recipients: { ice: 'ICE', cbp: 'CBP', other_dhs: 'Otro DHS', other_federal: 'Otra agencia federal', unknown: 'No consta' }
};

export function statsWords(locale: string): StatsWords {
	return locale === 'es' ? es : en;
}

export function fillWords(text: string, values: Record<string, string | number>): string {
	return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
