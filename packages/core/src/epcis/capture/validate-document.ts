import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { Locale } from '@shian/domain';
import { captureError, eventIndexOf, eventPointer, pointerSegment, type CaptureError } from './capture-errors.ts';

/**
 * Validation against the standard's own JSON Schema (`../standard/EPCIS-JSON-Schema.json`, a verbatim copy
 * of GS1's file), compiled once with Ajv (draft-07, every error collected). Ajv reports each failed branch
 * of the schema's `if/then` and `anyOf` dispatch; `collapseErrors` turns that into one clear error per bad
 * field, named by its JSON pointer, keeping Ajv's keyword and parameters in the message.
 */
const SCHEMA_URL = new URL('../standard/EPCIS-JSON-Schema.json', import.meta.url);

// ajv-formats is CommonJS: under NodeNext its default import is typed as the module namespace.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

let compiled: { document: ValidateFunction; event: ValidateFunction } | null = null;

/**
 * The compiled validators of the standard's schema (compiled on first use, ~0.25 s, then kept): the whole
 * schema (a document, or a single event with its `@context`), and its definition of an event inside a
 * document's event list (`EPCIS-Document-Event`), so that a large document can be checked an event at a time.
 */
export function epcisSchemaValidators(): { document: ValidateFunction; event: ValidateFunction } {
  if (compiled) return compiled;
  // The standard's schema uses `propertyNames` + `if/then` without `type` beside every keyword: strict mode off.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as { $id: string };
  ajv.addSchema(schema);
  const document = ajv.getSchema(schema.$id);
  const event = ajv.getSchema(`${schema.$id}#/definitions/EPCIS-Document-Event`);
  if (!document || !event) throw new Error('the EPCIS JSON schema did not compile');
  compiled = { document, event };
  return compiled;
}

/** The compiled validator of the whole schema: a document, or a single event with its `@context`. */
export function epcisSchemaValidator(): ValidateFunction {
  return epcisSchemaValidators().document;
}

/** Validates a whole EPCISDocument (or a single event with its `@context`) against the standard's schema. */
export function validateAgainstSchema(value: unknown, locale: Locale): CaptureError[] {
  const validate = epcisSchemaValidators().document;
  if (validate(value)) return [];
  return collapseErrors(validate.errors ?? [], value, locale);
}

/** Validates one event of a document's event list; errors point into the document (`/epcisBody/eventList/{index}/…`). */
export function validateDocumentEvent(event: unknown, index: number, locale: Locale): CaptureError[] {
  const validate = epcisSchemaValidators().event;
  if (validate(event)) return [];
  const base = eventPointer(index);
  return collapseErrors(validate.errors ?? [], event, locale).map((e) => ({ ...e, eventIndex: index, path: `${base}${e.path}` }));
}

// ------------------------------------------------------------------------------------------ collapsing

/** The value a JSON pointer names in `root`, or undefined. */
function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const within = (path: string, base: string): boolean => path === base || path.startsWith(`${base}/`);
const isObject = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

/** An Ajv error, or the one error a failed `anyOf` was collapsed into. */
type Item = { kind: 'raw'; error: ErrorObject } | { kind: 'done'; errors: CaptureError[]; schemaPath: string; instancePath: string };

/**
 * One error per bad field. Ajv pushes the errors of an `anyOf`'s branches right before the `anyOf` error
 * itself; walking back from it gathers them (errors of referenced definitions, `#/definitions/…`, may be
 * either a branch's or an earlier sibling's: they are real problems either way and pass through where
 * the branch's verdict would drop them). `if` errors only repeat what their `then` said and are dropped.
 */
export function collapseErrors(errors: readonly ErrorObject[], root: unknown, locale: Locale): CaptureError[] {
  const items: Item[] = [];
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'allOf') continue;
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
      items.push({ kind: 'raw', error });
      continue;
    }
    const prefix = `${error.schemaPath}/`;
    const members: Item[] = [];
    while (items.length > 0) {
      const last = items[items.length - 1];
      if (!last) break;
      const path = last.kind === 'raw' ? last.error.instancePath : last.instancePath;
      const schemaPath = last.kind === 'raw' ? last.error.schemaPath : last.schemaPath;
      if (!within(path, error.instancePath) || !(schemaPath.startsWith(prefix) || schemaPath.startsWith('#/definitions/'))) break;
      members.unshift(last);
      items.pop();
    }
    items.push({ kind: 'done', errors: verdictOf(error, members, root, locale), schemaPath: error.schemaPath, instancePath: error.instancePath });
  }
  const out: CaptureError[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const e of item.kind === 'raw' ? leafErrors(item.error, root, locale) : item.errors) {
      const key = `${e.path}\u0000${e.messageKey ?? e.code}\u0000${JSON.stringify(e.params ?? {})}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

/** What a failed `anyOf` at `anyOf.instancePath` means, from its branches' errors. */
function verdictOf(anyOf: ErrorObject, members: readonly Item[], root: unknown, locale: Locale): CaptureError[] {
  const base = anyOf.instancePath;
  const prefix = `${anyOf.schemaPath}/`;
  type Flat = { raw: ErrorObject; done: null } | { raw: null; done: CaptureError };
  const flat: Flat[] = members.flatMap((m): Flat[] => (m.kind === 'raw' ? [{ raw: m.error, done: null }] : m.errors.map((done) => ({ raw: null, done }))));
  const passThrough = (): CaptureError[] =>
    members.flatMap((m) => (m.kind === 'done' ? (m.instancePath === base ? [] : m.errors) : m.error.schemaPath.startsWith(prefix) || m.error.instancePath === base ? [] : leafErrors(m.error, root, locale)));

  // A property-name check (`propertyNames: {anyOf: [enum, vocab-uri]}`): the `propertyNames` error names the property.
  if ('propertyName' in anyOf || (isObject(valueAt(root, base)) && flat.every((f) => f.raw !== null && f.raw.instancePath === base && ['enum', 'format', 'pattern'].includes(f.raw.keyword)))) {
    return passThrough();
  }
  // ILMD on an event whose action is not ADD: `anyOf: [{ilmd: not, action OBSERVE}, {ilmd: not, action DELETE}, {action ADD}]`.
  if (flat.some((f) => f.raw?.keyword === 'not' && f.raw.instancePath === `${base}/ilmd`)) {
    const index = eventIndexOf(base);
    return [captureError(locale, { eventIndex: index, path: `${base}/ilmd`, code: 'epcis.invalid_field', messageKey: 'field.schema_ilmd_only_add', params: { keyword: 'anyOf' } }), ...passThrough()];
  }
  // A branch that got past its required properties and failed on their content is the one the sender meant.
  const deep = members.flatMap((m) => {
    if (m.kind === 'done') return m.instancePath === base ? [] : m.errors;
    const e = m.error;
    if (e.instancePath === base || (e.keyword === 'pattern' && e.instancePath === `${base}/action`)) return [];
    return leafErrors(e, root, locale);
  });
  if (deep.length > 0) return deep;
  // Nothing but missing properties: "give at least one of …".
  const options: string[] = [];
  let onlyRequired = true;
  for (const f of flat) {
    if (f.raw?.keyword === 'required') options.push(String(f.raw.params.missingProperty));
    else if (f.raw?.keyword === 'pattern' && f.raw.instancePath === `${base}/action`) continue;
    else if (f.done?.messageKey === 'field.schema_one_of') options.push(...String(f.done.params?.options ?? '').split(', '));
    else if (f.done?.messageKey === 'field.schema_required') options.push(String(f.done.params?.property ?? ''));
    else onlyRequired = false;
  }
  const index = eventIndexOf(base);
  if (onlyRequired && options.length > 0) {
    return [captureError(locale, { eventIndex: index, path: base, code: 'epcis.invalid_field', messageKey: 'field.schema_one_of', params: { keyword: 'anyOf', options: [...new Set(options)].join(', ') } })];
  }
  // A vocabulary value (bizStep, disposition, error reason…): a CBV word, or a URI outside the CBV's own namespaces.
  const value = valueAt(root, base);
  const enumError = flat.find((f) => f.raw?.keyword === 'enum')?.raw;
  if (enumError && typeof value === 'string') {
    const allowed = (enumError.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return [
      captureError(locale, {
        eventIndex: index,
        path: base,
        code: 'epcis.invalid_field',
        messageKey: 'field.schema_vocabulary',
        params: { keyword: 'enum', value, examples: allowed.slice(0, 3).join(', ') },
      }),
    ];
  }
  const first = flat[0];
  if (first?.done) return [first.done];
  if (first?.raw) return leafErrors(first.raw, root, locale);
  return [captureError(locale, { eventIndex: index, path: base, code: 'epcis.invalid_field', messageKey: 'field.schema_other', params: { keyword: anyOf.keyword } })];
}

/** One Ajv error as a capture error: the pointer names the bad field itself (a missing property included). */
function leafErrors(error: ErrorObject, root: unknown, locale: Locale): CaptureError[] {
  // Errors inside `propertyNames` carry the name checked; the `propertyNames` error itself reports it.
  if ('propertyName' in error && error.keyword !== 'propertyNames') return [];
  const params = error.params as Record<string, unknown>;
  let path = error.instancePath;
  let messageKey: string;
  const out: Record<string, string | number> = { keyword: error.keyword };
  switch (error.keyword) {
    case 'required':
      path = `${path}/${pointerSegment(String(params.missingProperty))}`;
      messageKey = 'field.schema_required';
      out.property = String(params.missingProperty);
      break;
    case 'additionalProperties':
      path = `${path}/${pointerSegment(String(params.additionalProperty))}`;
      messageKey = 'field.schema_unknown_property';
      out.property = String(params.additionalProperty);
      break;
    case 'propertyNames':
      path = `${path}/${pointerSegment(String(params.propertyName))}`;
      messageKey = 'field.schema_unknown_property';
      out.property = String(params.propertyName);
      break;
    case 'format':
      if (isObject(valueAt(root, path))) return []; // a property name checked as a URI: see propertyNames
      messageKey = params.format === 'uri' ? 'field.schema_format_uri' : params.format === 'date-time' ? 'field.schema_format_date_time' : 'field.schema_format';
      out.format = String(params.format);
      break;
    case 'pattern':
      if (isObject(valueAt(root, path))) return [];
      messageKey = path.endsWith('/eventTimeZoneOffset') ? 'field.schema_time_zone_offset' : 'field.schema_pattern';
      out.pattern = String(params.pattern);
      break;
    case 'enum': {
      if (isObject(valueAt(root, path))) return [];
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [];
      const value = valueAt(root, path);
      if (allowed.length > 8 && typeof value === 'string') {
        messageKey = 'field.schema_vocabulary';
        out.value = value;
        out.examples = allowed.slice(0, 3).join(', ');
      } else {
        messageKey = 'field.enum';
        out.options = allowed.join(', ');
      }
      break;
    }
    case 'type':
      messageKey = 'field.schema_type';
      out.type = Array.isArray(params.type) ? params.type.join(' | ') : String(params.type);
      break;
    case 'minItems':
      messageKey = 'field.schema_min_items';
      out.limit = Number(params.limit);
      break;
    case 'uniqueItems':
      messageKey = 'field.schema_unique_items';
      out.i = Number(params.j);
      out.j = Number(params.i);
      break;
    default:
      messageKey = 'field.schema_other';
  }
  return [captureError(locale, { eventIndex: eventIndexOf(path), path, code: 'epcis.invalid_field', messageKey, params: out })];
}
