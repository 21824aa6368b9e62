/**
 * /auth/v1: the Supabase Auth (GoTrue) subset auth-js uses — sign-up and
 * password sign-in, magic link / email code (otp + verify), refresh tokens,
 * user read/update (secure email change) and logout. Emails go through the
 * configured transport (SMTP, or the dev mailbox in development); requests are
 * rate limited (./rate-limit.ts) and redirects kept to the allow-list (./redirects.ts).
 */
import type { Sql } from 'postgres';
import type { StackKeys } from '../keys';
import { AuthError, authErrorResponse, authJson } from './errors';
import { authenticate, endSessions, refreshSession, startSession, type SessionContext } from './sessions';
import { checkPassword, createUser, findUserByEmail, findUserByPassword, normaliseEmail, updateUser, userJson } from './users';
import { createOneTimeTokens } from './one-time-tokens';
import type { AuthConfig } from './config';
import { RateLimiter } from './rate-limit';
import { allowedRedirect } from './redirects';
import { confirmEmailChange, isEmailChangeToken, requestEmailChange } from './email-change';
import { adminCreateUser, requireAdmin } from './admin';
import type { OutgoingMail } from '../../mail/transport';
import { BodyTooLarge, readLimitedText } from '../http/body-limit';

type Body = Record<string, unknown>;

/** Default largest JSON body for /auth/v1 (DISCLOSE_AUTH_BODY_LIMIT); auth bodies are a few fields. */
export const DEFAULT_AUTH_BODY_LIMIT = 1024 * 1024;

async function readBody(request: Request, maxBytes: number): Promise<Body> {
	let text: string;
	try {
		text = await readLimitedText(request, maxBytes);
	} catch (error) {
		if (!(error instanceof BodyTooLarge)) throw error;
		const limit = error.limit === null ? "the server's BODY_SIZE_LIMIT" : `the limit of ${error.limit} bytes`;
		throw new AuthError(413, 'request_too_large', `Request body is larger than ${limit}`);
	}
	if (text.trim() === '') return {};
	try {
		const parsed = JSON.parse(text);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Body;
	} catch {
		/* fall through */
	}
	throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
}

/** Who is asking: the client's IP as the server determined it (never a header it did not configure). */
export interface AuthRequestInfo {
	clientIp?: string;
}

export function createAuthHandler(options: { sql: Sql; keys: StackKeys; config: AuthConfig; maxBodyBytes?: number }) {
	const { sql, config } = options;
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_AUTH_BODY_LIMIT;
	const tokens = createOneTimeTokens(sql, { expirySeconds: config.otpExpirySeconds, maxAttempts: config.maxCodeAttempts });
	const limiter = config.rateLimits ? new RateLimiter(config.rateLimits) : null;

	/** Before any email is written: a configured transport, then the address's and the server's email limits. */
	function mayEmail(address: string) {
		if (!config.mailer) {
			throw new AuthError(500, 'unexpected_failure', 'Error sending email: no mail server is configured (set SMTP_HOST, see SECURITY.md)');
		}
		limiter?.takeEmail(address);
	}

	async function deliverMail(mail: OutgoingMail) {
		if (!config.mailer) throw new AuthError(500, 'unexpected_failure', 'Error sending email: no mail server is configured');
		try {
			await config.mailer.send(mail);
		} catch (error) {
			console.error('[embedded auth] sending email failed:', error);
			throw new AuthError(500, 'unexpected_failure', 'Error sending email');
		}
	}

	/**
	 * Where links in emails point: the app's /auth/confirm route (Supabase's SSR email-template
	 * pattern) on the site URL or an allowed redirect's origin, continuing to that redirect's path.
	 */
	function confirmLink(request: Request, tokenHash: string, type: string): string {
		const target = allowedRedirect(config.redirects, request.url, new URL(request.url).searchParams.get('redirect_to'));
		const link = new URL('/auth/confirm', target.origin);
		link.searchParams.set('token_hash', tokenHash);
		link.searchParams.set('type', type);
		link.searchParams.set('next', target.pathname + target.search);
		return link.toString();
	}
	const context = (request: Request): SessionContext => ({
		sql,
		jwtSecret: options.keys.jwtSecret,
		issuer: new URL('/auth/v1', request.url).toString()
	});

	const minutes = Math.max(1, Math.round(config.otpExpirySeconds / 60));

	async function sendSignInMail(request: Request, email: string, data: Body | undefined, createIfMissing: boolean) {
		let user = await findUserByEmail(sql, email);
		if (!user && !createIfMissing) throw new AuthError(422, 'otp_disabled', 'Signups not allowed for otp');
		mayEmail(email);
		user ??= await createUser(sql, { email, data: data ?? {}, confirmed: false });
		const { tokenHash, code } = await tokens.issue(user, 'magiclink');
		const link = confirmLink(request, tokenHash, 'email');
		await deliverMail({
			to: email,
			subject: 'Your Disclose sign-in link / Tu enlace para entrar en Disclose',
			text:
				`Sign in to Disclose: ${link}\nOr enter this code: ${code}\nThe link and code work once, for ${minutes} minutes.\n\n` +
				`Entra en Disclose: ${link}\nO escribe este código: ${code}\nEl enlace y el código sirven una vez, durante ${minutes} minutos.`,
			link
		});
	}

	async function sendEmailChangeMails(request: Request, mails: Awaited<ReturnType<typeof requestEmailChange>>['mails']) {
		for (const mail of mails) {
			const link = confirmLink(request, mail.tokenHash, 'email_change');
			const which =
				mail.side === 'new'
					? 'Confirm this new address for your Disclose account / Confirma esta nueva dirección para tu cuenta de Disclose'
					: 'Someone asked to change the email of your Disclose account / Alguien pidió cambiar el correo de tu cuenta de Disclose';
			await deliverMail({
				to: mail.to,
				subject: mail.side === 'new' ? 'Confirm your new email / Confirma tu nuevo correo' : 'Confirm the email change / Confirma el cambio de correo',
				text:
					`${which}\n\nThe change happens only once both the old and the new address confirm it.\n` +
					`El cambio ocurre solo cuando la dirección antigua y la nueva lo confirman.\n\n${link}\nCode / Código: ${mail.code}\n\n` +
					`If this was not you, do not follow the link. / Si no fuiste tú, no abras el enlace.`,
				link
			});
		}
	}

	/** A consumed token: a session, or for half an email change GoTrue's "proceed to the other email" answer. */
	async function afterVerify(request: Request, consumed: Awaited<ReturnType<typeof tokens.consume>>) {
		if (isEmailChangeToken(consumed.tokenType)) {
			const result = await confirmEmailChange(sql, consumed.user, consumed.tokenType);
			if (result === 'pending') return { pending: true as const };
			return { pending: false as const, session: await startSession(context(request), result, 'otp') };
		}
		const user = await updateUser(sql, consumed.user.id, { confirmEmail: true });
		return { pending: false as const, session: await startSession(context(request), user, 'otp') };
	}

	async function route(request: Request, path: string, ip: string): Promise<Response> {
		const url = new URL(request.url);
		const key = `${request.method} ${path}`;
		switch (key) {
			case 'GET /settings':
				return authJson(request, {
					external: { email: true, phone: false, anonymous_users: false },
					disable_signup: false,
					mailer_autoconfirm: config.autoConfirm,
					phone_autoconfirm: false,
					sms_provider: '',
					saml_enabled: false
				});
			case 'GET /health':
				return authJson(request, { name: 'embedded-auth', description: 'Disclose embedded Supabase Auth subset' });
			case 'POST /signup': {
				limiter?.take('signInSignUps', ip);
				const body = await readBody(request, maxBodyBytes);
				const email = normaliseEmail(body.email);
				const password = checkPassword(body.password);
				if (!config.autoConfirm) mayEmail(email);
				const user = await createUser(sql, { email, password, data: body.data as Body, confirmed: config.autoConfirm });
				if (config.autoConfirm) return authJson(request, await startSession(context(request), user, 'password'));
				// Confirmations on (Supabase's enable_confirmations): the bare user, no session, and an email.
				const { tokenHash } = await tokens.issue(user, 'confirmation');
				const link = confirmLink(request, tokenHash, 'signup');
				await deliverMail({
					to: email,
					subject: 'Confirm your Disclose account / Confirma tu cuenta de Disclose',
					text: `Confirm your email address to finish signing up: ${link}\n\nConfirma tu correo para terminar de registrarte: ${link}`,
					link
				});
				const [sent] = await sql`update auth.users set confirmation_sent_at = now() where id = ${user.id} returning confirmation_sent_at`;
				return authJson(request, userJson({ ...user, confirmation_sent_at: sent!.confirmation_sent_at as Date }));
			}
			case 'POST /token': {
				const grant = url.searchParams.get('grant_type');
				const body = await readBody(request, maxBodyBytes);
				if (grant === 'password') {
					limiter?.take('signInSignUps', ip);
					if (typeof body.email !== 'string' || typeof body.password !== 'string') {
						throw new AuthError(400, 'validation_failed', 'missing email or phone');
					}
					limiter?.take('passwordPerEmail', body.email.trim().toLowerCase());
					const user = await findUserByPassword(sql, body.email.trim().toLowerCase(), body.password);
					if (!user) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
					if (!user.email_confirmed_at) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
					return authJson(request, await startSession(context(request), user, 'password'));
				}
				if (grant === 'refresh_token') limiter?.take('tokenRefresh', ip);
				if (grant === 'refresh_token') return authJson(request, await refreshSession(context(request), body.refresh_token));
				throw new AuthError(400, 'validation_failed', `unsupported_grant_type: the embedded stack supports password and refresh_token, not ${grant ?? 'none'}`);
			}
			case 'POST /otp': {
				limiter?.take('otp', ip);
				const body = await readBody(request, maxBodyBytes);
				if (body.phone !== undefined) throw new AuthError(422, 'phone_provider_disabled', 'Phone logins are disabled');
				await sendSignInMail(request, normaliseEmail(body.email), body.data as Body, body.create_user !== false);
				return authJson(request, {});
			}
			case 'POST /recover': {
				limiter?.take('otp', ip);
				const body = await readBody(request, maxBodyBytes);
				const email = normaliseEmail(body.email);
				// The same limits whether or not the address has an account, so answers do not reveal which do.
				if (await findUserByEmail(sql, email)) await sendSignInMail(request, email, undefined, false);
				else mayEmail(email);
				return authJson(request, {});
			}
			case 'POST /verify': {
				limiter?.take('verify', ip);
				const body = await readBody(request, maxBodyBytes);
				const consumed =
					typeof body.token_hash === 'string'
						? await tokens.consume({ tokenHash: body.token_hash })
						: await tokens.consume({ email: normaliseEmail(body.email), code: String(body.token ?? '') });
				const result = await afterVerify(request, consumed);
				if (result.pending) {
					return authJson(request, { msg: 'Confirmation link accepted. Please proceed to confirm link sent to the other email', code: 200 });
				}
				return authJson(request, result.session);
			}
			case 'GET /verify': {
				const target = allowedRedirect(config.redirects, request.url, url.searchParams.get('redirect_to'));
				target.hash = '';
				const redirect = target.toString();
				try {
					limiter?.take('verify', ip);
					const consumed = await tokens.consume({ tokenHash: url.searchParams.get('token') ?? '' });
					const result = await afterVerify(request, consumed);
					if (result.pending) {
						const message = new URLSearchParams({ message: 'Confirmation link accepted. Please proceed to confirm link sent to the other email' });
						return new Response(null, { status: 303, headers: { location: `${redirect}#${message}` } });
					}
					const session = result.session;
					const fragment = new URLSearchParams({
						access_token: session.access_token,
						expires_at: String(session.expires_at),
						expires_in: String(session.expires_in),
						refresh_token: session.refresh_token,
						token_type: 'bearer',
						type: url.searchParams.get('type') ?? 'magiclink'
					});
					return new Response(null, { status: 303, headers: { location: `${redirect}#${fragment}` } });
				} catch (error) {
					if (!(error instanceof AuthError)) throw error;
					if (error.status === 429) return authErrorResponse(request, error);
					const fragment = new URLSearchParams({
						error: 'access_denied',
						error_code: error.code,
						error_description: error.message
					});
					return new Response(null, { status: 303, headers: { location: `${redirect}#${fragment}&sb` } });
				}
			}
			case 'GET /user': {
				const { user } = await authenticate(context(request), request);
				return authJson(request, userJson(user));
			}
			case 'PUT /user': {
				limiter?.take('userUpdate', ip);
				const { user } = await authenticate(context(request), request);
				const body = await readBody(request, maxBodyBytes);
				const password = body.password === undefined ? undefined : checkPassword(body.password);
				const email = body.email === undefined ? undefined : normaliseEmail(body.email);
				const data = body.data && typeof body.data === 'object' ? (body.data as Body) : undefined;
				let updated = await updateUser(sql, user.id, { password, data });
				if (email !== undefined && email !== user.email) {
					mayEmail(email);
					if (user.email) mayEmail(user.email);
					const change = await requestEmailChange(sql, tokens, updated, email);
					await sendEmailChangeMails(request, change.mails);
					updated = change.user;
				}
				return authJson(request, userJson(updated));
			}
			case 'POST /admin/users': {
				requireAdmin(request, options.keys.jwtSecret);
				return authJson(request, await adminCreateUser(sql, await readBody(request, maxBodyBytes)));
			}
			case 'POST /logout': {
				const ctx = context(request);
				const { user, sessionId } = await authenticate(ctx, request);
				await endSessions(ctx, user.id, sessionId, url.searchParams.get('scope') ?? 'global');
				return new Response(null, { status: 204 });
			}
			default:
				throw new AuthError(404, 'not_found', `The embedded stack does not support ${request.method} /auth/v1${path}`);
		}
	}

	return {
		async handle(request: Request, path: string, info: AuthRequestInfo = {}): Promise<Response> {
			try {
				return await route(request, path, info.clientIp ?? 'unknown');
			} catch (error) {
				if (error instanceof AuthError) return authErrorResponse(request, error);
				console.error('[embedded auth]', error);
				return authErrorResponse(request, new AuthError(500, 'unexpected_failure', 'Unexpected failure'));
			}
		}
	};
}
