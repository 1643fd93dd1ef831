import { useFormatError } from '../i18n/formatError.js';

/** A translated error in a role="alert" element; renders nothing when there is no error. */
export function ErrorAlert({ error, prefix }: { error: unknown; prefix?: (message: string) => string }) {
  const formatError = useFormatError();
  if (error === null || error === undefined) return null;
  const message = formatError(error);
  return (
    <p role="alert" className="alert">
      {prefix ? prefix(message) : message}
    </p>
  );
}
