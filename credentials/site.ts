/**
 * The one rule that turns what a user typed as "Site" into the base URL of their Quatrix account.
 *
 * `acme` → https://acme.quatrix.it, `acme.quatrix.it` → https://acme.quatrix.it, a full URL is kept
 * (minus trailing slashes and a pasted `/api/1.0`). Plain http only when the user wrote `http://`.
 * The same rule exists as an n8n expression for the credential tests, which cannot call code;
 * a test keeps the two equal.
 */
export const QUATRIX_DOMAIN = 'quatrix.it';

export function siteBaseUrl(site: unknown): string {
	const typed = String(site ?? '').trim();
	const withScheme = /^https?:\/\//i.test(typed)
		? typed
		: `https://${typed.includes('.') || typed.includes(':') ? typed : `${typed}.${QUATRIX_DOMAIN}`}`;
	return withScheme.replace(/\/+$/, '').replace(/\/api\/1\.0$/i, '').replace(/\/+$/, '');
}

export const SITE_BASE_URL_EXPRESSION =
	"={{ (s => (/^https?:\\/\\//i.test(s) ? s : 'https://' + (s.includes('.') || s.includes(':') ? s : s + '." +
	QUATRIX_DOMAIN +
	"')).replace(/\\/+$/, '').replace(/\\/api\\/1\\.0$/i, '').replace(/\\/+$/, ''))(String($credentials.site ?? '').trim()) }}";

export const siteProperty = {
	displayName: 'Site',
	name: 'site',
	type: 'string' as const,
	default: '',
	required: true,
	placeholder: 'acme or acme.quatrix.it',
	description:
		'Your Quatrix site: its name (acme), host name (acme.quatrix.it) or full URL. HTTPS is used unless you write http:// explicitly.',
};

export const allowUnauthorizedCertsProperty = {
	displayName: 'Ignore SSL Issues (Insecure)',
	name: 'allowUnauthorizedCerts',
	type: 'boolean' as const,
	default: false,
	description:
		'Whether to connect even if the TLS certificate cannot be verified. Only for sites with a self-signed or private certificate.',
};
