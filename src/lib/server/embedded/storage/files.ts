/**
 * File changes that follow a database transaction. Inside the transaction
 * (after the row change succeeded) bytes are written to a temp file and
 * renamed into place, keeping any file they replace as a backup; `rollback()`
 * restores the previous state, `commit()` drops backups and performs the
 * deletions that must only happen once the transaction committed.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { errors } from './errors';
import { TMP_DIR } from './paths';

type Step = () => Promise<void>;

function fsCode(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
}

async function exists(path: string): Promise<boolean> {
	try {
		await stat(path);
		return true;
	} catch (error) {
		if (fsCode(error) === 'ENOENT') return false;
		throw error;
	}
}

export class FileChanges {
	private readonly undo: Step[] = [];
	private readonly after: Step[] = [];
	private readonly root: string;
	private readonly tmp: string;

	constructor(storageDir: string) {
		this.root = resolve(storageDir);
		this.tmp = join(this.root, TMP_DIR);
	}

	private async tempPath(): Promise<string> {
		await mkdir(this.tmp, { recursive: true });
		return join(this.tmp, randomUUID());
	}

	/**
	 * Renames `from` onto `target`, keeping a backup of what `target` held.
	 * On rollback `release` takes the new file away again, then the backup returns.
	 */
	private async place(from: string, target: string, key: string, release: () => Promise<void>): Promise<void> {
		let backup: string | null = null;
		try {
			if (await exists(target)) {
				if ((await stat(target)).isDirectory()) throw errors.invalidKey(key, 'a folder of that name exists');
				backup = await this.tempPath();
				await rename(target, backup);
			}
			await this.renameInto(from, target);
		} catch (error) {
			if (backup) await rename(backup, target).catch(() => {});
			const code = fsCode(error);
			if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR') {
				throw errors.invalidKey(key, 'conflicts with an existing object or folder');
			}
			throw error;
		}
		const saved = backup;
		this.undo.push(async () => {
			await release();
			if (saved) await rename(saved, target);
			else await pruneEmptyDirs(dirname(target), this.root);
		});
		if (saved) this.after.push(() => unlink(saved));
	}

	/** Creates the parent folders and renames; retried when a concurrent prune removed a fresh folder. */
	private async renameInto(from: string, target: string): Promise<void> {
		for (let attempt = 0; ; attempt++) {
			await mkdir(dirname(target), { recursive: true });
			try {
				await rename(from, target);
				return;
			} catch (error) {
				if (fsCode(error) !== 'ENOENT' || attempt >= 2 || !(await exists(from))) throw error;
			}
		}
	}

	/** Writes `data` to `target` (temp file, fsync, rename). */
	async put(target: string, key: string, data: Uint8Array): Promise<void> {
		const temp = await this.tempPath();
		try {
			const handle = await open(temp, 'wx', 0o600);
			try {
				await handle.writeFile(data);
				await handle.sync();
			} finally {
				await handle.close();
			}
			await this.place(temp, target, key, () => unlink(target));
		} catch (error) {
			await rm(temp, { force: true });
			throw error;
		}
	}

	/** Copies `source` to `target`. A missing source file is reported as a missing object. */
	async copy(source: string, target: string, key: string): Promise<void> {
		const temp = await this.tempPath();
		try {
			await copyFile(source, temp);
			await this.place(temp, target, key, () => unlink(target));
		} catch (error) {
			await rm(temp, { force: true });
			if (fsCode(error) === 'ENOENT') throw errors.noSuchKey();
			throw error;
		}
	}

	/** Renames `source` to `target`; the emptied folders of `source` are pruned after commit. */
	async move(source: string, target: string, key: string, root: string): Promise<void> {
		if (!(await exists(source))) throw errors.noSuchKey();
		await this.place(source, target, key, async () => {
			await mkdir(dirname(source), { recursive: true });
			await rename(target, source);
		});
		this.after.push(() => pruneEmptyDirs(dirname(source), root));
	}

	/** Deletes `target` once the transaction committed. */
	removeLater(target: string, root: string): void {
		this.after.push(async () => {
			await rm(target, { force: true });
			await pruneEmptyDirs(dirname(target), root);
		});
	}

	/** Runs `step` once the transaction committed. */
	later(step: Step): void {
		this.after.push(step);
	}

	async commit(): Promise<void> {
		for (const step of this.after.splice(0)) {
			await step().catch((error) => console.error('[storage] cleanup after commit failed', error));
		}
		this.undo.length = 0;
	}

	async rollback(): Promise<void> {
		for (const step of this.undo.splice(0).reverse()) {
			await step().catch((error) => console.error('[storage] file rollback failed', error));
		}
		this.after.length = 0;
	}
}

/** Removes empty folders from `dir` up to (not including) `root`. */
export async function pruneEmptyDirs(dir: string, root: string): Promise<void> {
	let current = resolve(dir);
	const stop = resolve(root);
	while (current.startsWith(stop + sep) && current !== stop) {
		try {
			await rmdir(current);
		} catch {
			return; // not empty, or already gone
		}
		current = dirname(current);
	}
}
