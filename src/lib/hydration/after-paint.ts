/**
 * Resolves once the browser has painted the page as hydrated (the frame after
 * the current one), or after `maxWaitMs` when no frame comes (a tab in the
 * background). Work that can wait, such as the status panels and the sync
 * code, starts then, so what the person opened (a draft kept on the device)
 * shows first.
 */
export function afterFirstPaint(maxWaitMs = 500): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, maxWaitMs);
		requestAnimationFrame(() =>
			setTimeout(() => {
				clearTimeout(timer);
				resolve();
			}, 0)
		);
	});
}
