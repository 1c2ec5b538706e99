/**
 * The id of a record a POST created, whether the server answers with the record (`{id}`) or wraps it
 * (`{enterprise: {id}}`, `{licence: {id}}`…). Null when neither shape is there.
 */
export function createdId(response: unknown): string | null {
  if (typeof response !== 'object' || response === null) return null;
  if ('id' in response && typeof response.id === 'string') return response.id;
  for (const value of Object.values(response)) {
    if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') return value.id;
  }
  return null;
}
