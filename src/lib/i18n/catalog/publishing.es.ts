/** Spanish strings for publishing a request's counts (keys prefixed `publishing.`). Spread into ../es.ts. */
export const publishingEs = {
	'publishing.state.private': 'Privado',
	'publishing.state.published': 'Publicado',
	'publishing.state.embargoed': 'Embargado hasta el {date} (Colorado)',
	'publishing.becomesPublic':
		'Lo que se hace público: solo cifras — cuántas divulgaciones, por agencia, categoría de datos, proceso legal citado, destinatario y período.',
	'publishing.neverPublic':
		'Lo que nunca se hace público: la carta, los resúmenes, los documentos, los nombres de personas ni quién presentó la solicitud.',
	'publishing.embargo.error.missing': 'Elija la fecha en que termina el embargo.',
	'publishing.embargo.error.notADate': 'Eso no es una fecha. Escríbala como año-mes-día, por ejemplo 2027-03-01.',
	'publishing.embargo.error.notFuture': 'Un embargo debe terminar después de hoy en Colorado. Para publicar ya, elija Publicar.'
} as const;
