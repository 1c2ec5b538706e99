import { Alert } from 'antd';
import type { FormServerError } from '../lib/form-errors.ts';

/** The server's message for a failed submit, with any details that name no field of the form. */
export function FormErrorAlert({ error }: { error: FormServerError | null }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={error.message}
      description={
        error.unmatched.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {error.unmatched.map((detail, index) => (
              <li key={`${detail.path}-${index}`}>{detail.path ? `${detail.path}: ${detail.message}` : detail.message}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
