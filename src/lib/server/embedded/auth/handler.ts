/**
 * /auth/v1: the Supabase Auth (GoTrue) subset auth-js uses — sign-up and
 * password sign-in, magic link / email code (otp + verify), refresh tokens,
 * user read/update and logout. Emails go to the dev mailbox.
 */
import type { Sql } from 'postgres';
import type { StackKeys } from '../keys';
import { AuthError, authErrorResponse, authJson } from './errors';
import { authenticate, endSessions, refreshSession, startSession, type SessionContext } from './sessions';
import { checkPassword, createUser, findUserByEmail, findUserByPassword, normaliseEmail, updateUser, userJson } from './users';
import { consumeToken, issueToken } from './one-time-tokens';
import type { AuthConfig } from './config';
import { adminCreateUser, requireAdmin } from './admin';
import type { OutgoingMail } from '../../mail/transport';

type Body = Record<string, unknown>;

async function readBody(request: Request): Promise<Body> {
	const text = await request.text();
	if (text.trim() === '') return {};
	try {
		const parsed = JSON.parse(text);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Body;
	} catch {
		/* fall through */
	}
	throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
}

/** Where links in emails point: the app's /auth/confirm route (Supabase's SSR email-template pattern). */
function confirmLink(request: Request, tokenHash: string, type: string): string {
	const url = new URL(request.url);
	const redirect = url.searchParams.get('redirect_to');
	let origin = url.origin;
	let next = '/';
	if (redirect) {
		try {
			const target = new URL(redirect, url.origin);
			origin = target.origin;
			next = target.pathname + target.search;
		} catch {
			/* keep defaults */
		}
	}
	const link = new URL('/auth/confirm', origin);
	link.searchParams.set('token_hash', tokenHash);
	link.searchParams.set('type', type);
	link.searchParams.set('next', next);
	return link.toString();
}

export function createAuthHandler(options: { sql: Sql; keys: StackKeys; config: AuthConfig }) {
	const { sql, config } = options;

	async function deliverMail(mail: OutgoingMail) {
		if (!config.mailer) {
			throw new AuthError(500, 'unexpected_failure', 'Error sending email: no mail server is configured (set SMTP_HOST, see SECURITY.md)');
		}
		await config.mailer.send(mail);
	}
	const context = (request: Request): SessionContext => ({
		sql,
		jwtSecret: options.keys.jwtSecret,
		issuer: new URL('/auth/v1', request.url).toString()
	});

	async function sendSignInMail(request: Request, email: string, data: Body | undefined, createIfMissing: boolean) {
		let user = await findUserByEmail(sql, email);
		if (!user) {
			if (!createIfMissing) throw new AuthError(422, 'otp_disabled', 'Signups not allowed for otp');
			user = await createUser(sql, { email, data: data ?? {}, confirmed: false });
		}
		const { tokenHash, code } = await issueToken(sql, user, 'magiclink');
		const link = confirmLink(request, tokenHash, 'email');
		await deliverMail({
			to: email,
			subject: 'Your Disclose sign-in link / Tu enlace para entrar en Disclose',
			text: `Sign in to Disclose: ${link}\nOr enter this code: ${code}\n\nEntra en Disclose: ${link}\nO escribe este código: ${code}\n\nThe link and code work once, for one hour.`,
			link
		});
	}

	async function route(request: Request, path: string): Promise<Response> {
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
				const body = await readBody(request);
				const email = normaliseEmail(body.email);
				const password = checkPassword(body.password);
				const user = await createUser(sql, { email, password, data: body.data as Body, confirmed: config.autoConfirm });
				if (config.autoConfirm) return authJson(request, await startSession(context(request), user, 'password'));
				// Confirmations on (Supabase's enable_confirmations): the bare user, no session, and an email.
				const { tokenHash } = await issueToken(sql, user, 'confirmation');
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
				const body = await readBody(request);
				if (grant === 'password') {
					if (typeof body.email !== 'string' || typeof body.password !== 'string') {
						throw new AuthError(400, 'validation_failed', 'missing email or phone');
					}
					const user = await findUserByPassword(sql, body.email.trim().toLowerCase(), body.password);
					if (!user) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
					if (!user.email_confirmed_at) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
					return authJson(request, await startSession(context(request), user, 'password'));
				}
				if (grant === 'refresh_token') return authJson(request, await refreshSession(context(request), body.refresh_token));
				throw new AuthError(400, 'validation_failed', `unsupported_grant_type: the embedded stack supports password and refresh_token, not ${grant ?? 'none'}`);
			}
			case 'POST /otp': {
				const body = await readBody(request);
				if (body.phone !== undefined) throw new AuthError(422, 'phone_provider_disabled', 'Phone logins are disabled');
				await sendSignInMail(request, normaliseEmail(body.email), body.data as Body, body.create_user !== false);
				return authJson(request, {});
			}
			case 'POST /recover': {
				const body = await readBody(request);
				const email = normaliseEmail(body.email);
				if (await findUserByEmail(sql, email)) await sendSignInMail(request, email, undefined, false);
				return authJson(request, {});
			}
			case 'POST /verify': {
				const body = await readBody(request);
				const consumed =
					typeof body.token_hash === 'string'
						? await consumeToken(sql, { tokenHash: body.token_hash })
						: await consumeToken(sql, { email: normaliseEmail(body.email), code: String(body.token ?? '') });
				const user = await updateUser(sql, consumed.user.id, { confirmEmail: true });
				return authJson(request, await startSession(context(request), user, 'otp'));
			}
			case 'GET /verify': {
				const redirect = url.searchParams.get('redirect_to') ?? url.origin + '/';
				try {
					const consumed = await consumeToken(sql, { tokenHash: url.searchParams.get('token') ?? '' });
					const user = await updateUser(sql, consumed.user.id, { confirmEmail: true });
					const session = await startSession(context(request), user, 'otp');
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
				const { user } = await authenticate(context(request), request);
				const body = await readBody(request);
				const password = body.password === undefined ? undefined : checkPassword(body.password);
				const email = body.email === undefined ? undefined : normaliseEmail(body.email);
				const data = body.data && typeof body.data === 'object' ? (body.data as Body) : undefined;
				return authJson(request, userJson(await updateUser(sql, user.id, { password, email, data })));
			}
			case 'POST /admin/users': {
				requireAdmin(request, options.keys.jwtSecret);
				return authJson(request, await adminCreateUser(sql, await readBody(request)));
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
		async handle(request: Request, path: string): Promise<Response> {
			try {
				return await route(request, path);
			} catch (error) {
				if (error instanceof AuthError) return authErrorResponse(request, error);
				console.error('[embedded auth]', error);
				return authErrorResponse(request, new AuthError(500, 'unexpected_failure', 'Unexpected failure'));
			}
		}
	};
}
