/** Lower-case hex SHA-256 of a file, computed on the device (the table stores it to prove what was received). */
export async function sha256Hex(data: Blob | ArrayBuffer | Uint8Array): Promise<string> {
	const bytes = data instanceof Blob ? await data.arrayBuffer() : data;
	const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
	return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
