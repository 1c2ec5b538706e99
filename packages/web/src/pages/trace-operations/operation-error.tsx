import { Alert } from 'antd';
import { ApiError, type ApiErrorDetail } from '../../api/client.ts';

/** A refused operation as the page shows it: the message, and each detail by the field path it names. */
export interface OperationProblem {
  message: string;
  details: ApiErrorDetail[];
}

export function toProblem(error: unknown, fallback: string): OperationProblem {
  if (error instanceof ApiError) return { message: error.message, details: error.details };
  return { message: error instanceof Error ? error.message : fallback, details: [] };
}

/** The message a detail gives for exactly `path`, if any. */
export function messageAt(problem: OperationProblem | null, path: string): string | undefined {
  return problem?.details.find((d) => d.path === path)?.message;
}

/**
 * The problem above the form: its message, and the details the page shows nowhere else (those whose path
 * is not one of `shown`, nor under one of `shownLists` such as `items.3`).
 */
export function OperationProblemAlert({ problem, shown, shownLists = [] }: { problem: OperationProblem | null; shown: readonly string[]; shownLists?: readonly string[] }) {
  if (!problem) return null;
  const rest = problem.details.filter((d) => !shown.includes(d.path) && !shownLists.some((list) => d.path.startsWith(`${list}.`)));
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={problem.message}
      description={
        rest.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {rest.map((d, index) => (
              <li key={`${d.path}-${index}`}>{d.path ? `${d.path}: ${d.message}` : d.message}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
