/**
 * A component the server renders into the page (its form works without
 * JavaScript) but the browser loads only once it is needed, so the page's
 * first load stays small. The server hands it over already loaded (`initial`,
 * from a universal load); in the browser `need()` loads it once.
 */
export class LazyComponent<T> {
	current = $state.raw<T | null>(null);
	#load: () => Promise<T>;
	#loading = false;

	constructor(initial: T | null | undefined, load: () => Promise<T>) {
		this.current = initial ?? null;
		this.#load = load;
	}

	/** Load it now, unless it is loaded or loading (a failed load is tried again on the next call). */
	need(): void {
		if (this.current || this.#loading) return;
		this.#loading = true;
		void this.#load().then(
			(component) => (this.current = component),
			() => (this.#loading = false)
		);
	}
}
