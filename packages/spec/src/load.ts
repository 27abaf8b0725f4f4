/**
 * Node-only helpers to read the contract at run time: the server validates requests with it and
 * the tests validate every response against it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const specPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'patch', 'delete'];

/** The parts of an OpenAPI document this project reads. Deliberately loose: the YAML is the truth. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, unknown>;
    parameters: Record<string, OpenApiParameter>;
    responses: Record<string, unknown>;
    headers: Record<string, unknown>;
  };
}

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  schema?: unknown;
  style?: string;
  explode?: boolean;
  description?: string;
}

export interface OperationInfo {
  operationId: string;
  method: HttpMethod;
  /** The OpenAPI path template, e.g. `/v1/tickets/{ticketId}`. */
  path: string;
  summary: string;
  roles: string[];
  isPublic: boolean;
  /** Parameters with every `$ref` resolved, path-level ones first. */
  parameters: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: unknown }> };
  responses: Record<string, unknown>;
  raw: Record<string, unknown>;
}

let cached: OpenApiDocument | undefined;

export function loadSpec(): OpenApiDocument {
  cached ??= parse(readFileSync(specPath, 'utf8')) as OpenApiDocument;
  return cached;
}

/** Follows a local `$ref` (`#/components/...`) until it reaches an object that is not a ref. */
export function resolveRef<T>(doc: OpenApiDocument, value: unknown): T {
  let current = value as { $ref?: string };
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${current.$ref}`);
    const pointer = current.$ref;
    if (!pointer.startsWith('#/')) throw new Error(`Only local $refs are supported: ${pointer}`);
    current = pointer
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key],
        doc,
      ) as { $ref?: string };
    if (current === undefined) throw new Error(`Unresolved $ref ${pointer}`);
  }
  return current as T;
}

/** Every operation of the contract, in document order. */
export function listOperations(doc: OpenApiDocument = loadSpec()): OperationInfo[] {
  const result: OperationInfo[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = ((item.parameters as unknown[]) ?? []).map((p) =>
      resolveRef<OpenApiParameter>(doc, p),
    );
    for (const method of HTTP_METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const own = ((op.parameters as unknown[]) ?? []).map((p) =>
        resolveRef<OpenApiParameter>(doc, p),
      );
      const requestBody = op.requestBody
        ? resolveRef<OperationInfo['requestBody']>(doc, op.requestBody)
        : undefined;
      result.push({
        operationId: op.operationId as string,
        method,
        path,
        summary: op.summary as string,
        roles: (op['x-roles'] as string[]) ?? [],
        isPublic: op['x-public'] === true,
        parameters: [...shared, ...own],
        ...(requestBody ? { requestBody } : {}),
        responses: op.responses as Record<string, unknown>,
        raw: op,
      });
    }
  }
  return result;
}
