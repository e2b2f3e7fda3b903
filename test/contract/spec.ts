/**
 * Checks requests against Quatrix's official Swagger 2.0 spec, read from ../shared at test time (never copied
 * into the project). Used by every test that starts a sandbox: a request the spec does not know, or one that
 * leaves out a field the spec requires, is a contract violation and fails that test file.
 */
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse } from 'yaml';

export const SPEC_PATH = resolve(__dirname, '..', '..', '..', 'shared', 'quatrix-api', 'swagger.yaml');

/** Upload routes that Quatrix serves outside /api/1.0 and the spec leaves out (catalogue §3.1–3.2). */
export const UPLOAD_ROUTES = [
	{ method: 'POST', path: '/upload/chunked/{key}' },
	{ method: 'POST', path: '/upload/multipart/{key}' },
];

interface Parameter {
	name: string;
	in: 'path' | 'query' | 'body' | 'header' | 'formData';
	required?: boolean;
	schema?: Schema;
}
interface Schema {
	$ref?: string;
	type?: string;
	required?: string[];
	properties?: Record<string, Schema>;
	items?: Schema;
}
interface SpecOperation {
	method: string;
	template: string;
	pattern: RegExp;
	literalSegments: number;
	parameters: Parameter[];
}

export interface ContractRequest {
	method: string;
	/** Full path as sent, e.g. /api/1.0/file/metadata/abc or /upload/chunked/key */
	path: string;
	query?: Record<string, unknown>;
	body?: unknown;
}

export interface Contract {
	basePath: string;
	operations: SpecOperation[];
	/** The spec operation a request matches, or undefined. */
	match(method: string, path: string): SpecOperation | undefined;
	/** Why a request breaks the contract, or undefined when it keeps it. */
	check(request: ContractRequest): string | undefined;
	/** Every operation as "METHOD /path". */
	list(): string[];
}

let cached: Contract | null | undefined;

export function specAvailable(): boolean {
	return existsSync(SPEC_PATH);
}

function escapeSegment(segment: string) {
	return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(template: string) {
	const segments = template.split('/').filter(Boolean);
	const source = segments
		.map((segment) => (/^\{.+\}$/.test(segment) ? '/[^/]+' : `/${escapeSegment(segment)}`))
		.join('');
	return {
		pattern: new RegExp(`^${source || ''}/?$`),
		literalSegments: segments.filter((segment) => !/^\{.+\}$/.test(segment)).length,
	};
}

export function loadContract(specPath = SPEC_PATH): Contract | null {
	if (specPath === SPEC_PATH && cached !== undefined) return cached;
	if (!existsSync(specPath)) {
		if (specPath === SPEC_PATH) cached = null;
		return null;
	}
	const spec = parse(readFileSync(specPath, 'utf8')) as {
		basePath: string;
		paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
		definitions: Record<string, Schema>;
	};
	const resolveSchema = (schema: Schema | undefined): Schema | undefined => {
		if (!schema?.$ref) return schema;
		return spec.definitions[schema.$ref.replace('#/definitions/', '')];
	};
	const operations: SpecOperation[] = [];
	for (const [template, methods] of Object.entries(spec.paths)) {
		for (const [method, operation] of Object.entries(methods)) {
			if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
			const parameters = (operation.parameters ?? []).map((parameter) =>
				parameter.in === 'body' ? { ...parameter, schema: resolveSchema(parameter.schema) } : parameter,
			);
			operations.push({ method: method.toUpperCase(), template, parameters, ...compile(template) });
		}
	}
	for (const route of UPLOAD_ROUTES) {
		operations.push({ method: route.method, template: route.path, parameters: [], ...compile(route.path) });
	}
	const basePath = spec.basePath.replace(/\/+$/, '');

	const match = (method: string, fullPath: string) => {
		const upper = method.toUpperCase();
		const isUpload = UPLOAD_ROUTES.some((route) => compile(route.path).pattern.test(fullPath));
		if (isUpload) return operations.find((operation) => operation.method === upper && operation.pattern.test(fullPath));
		if (!fullPath.startsWith(basePath + '/')) return undefined;
		const path = fullPath.slice(basePath.length);
		// Literal segments win over {id} ones: /tracking/activity is not /tracking/{id}.
		return operations
			.filter((operation) => operation.method === upper && operation.pattern.test(path) && !UPLOAD_ROUTES.some((route) => route.path === operation.template))
			.sort((a, b) => b.literalSegments - a.literalSegments)[0];
	};

	const contract: Contract = {
		basePath,
		operations,
		match,
		list: () => operations.map((operation) => `${operation.method} ${operation.template}`),
		check(request) {
			const operation = match(request.method, request.path);
			if (!operation) return `${request.method} ${request.path} is not an operation of the Quatrix spec`;
			const name = `${operation.method} ${operation.template}`;
			for (const parameter of operation.parameters) {
				if (parameter.in === 'query' && parameter.required && request.query?.[parameter.name] === undefined) {
					return `${name}: required query parameter "${parameter.name}" is missing`;
				}
				if (parameter.in === 'body') {
					const body = request.body;
					if (parameter.required && (body === undefined || body === null)) return `${name}: the required JSON body is missing`;
					const required = parameter.schema?.required ?? [];
					if (required.length && (typeof body !== 'object' || body === null || Array.isArray(body))) {
						return `${name}: the body must be a JSON object with ${required.join(', ')}`;
					}
					for (const field of required) {
						if ((body as Record<string, unknown>)[field] === undefined) return `${name}: required body field "${field}" is missing`;
					}
				}
			}
			return undefined;
		},
	};
	if (specPath === SPEC_PATH) cached = contract;
	return contract;
}

/** For messages: where the spec was looked for. */
export function specLocation() {
	return join('..', 'shared', 'quatrix-api', 'swagger.yaml');
}
