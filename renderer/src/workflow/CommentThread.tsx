/** The comment thread of one paragraph: author, role, time, resolved; add, resolve, reopen. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../shared/features/workflowApi.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useComments } from './CommentsContext.js';

export function CommentThread({ paragraphId, number, comments }: { paragraphId: string; number: number; comments: readonly Comment[] }) {
  const { t, i18n } = useTranslation();
  const { add, setResolved } = useComments();
  const headingId = useId();
  const inputId = useId();
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const time = (iso: string) => {
    try {
      return new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    } catch {
      return iso;
    }
  };

  async function run(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent): void {
    e.preventDefault();
    if (body.trim() === '') return;
    void run(async () => {
      await add(paragraphId, body);
      setBody('');
    });
  }

  return (
    <section className="comment-thread" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('workflow.comments.heading', { number })}</h3>
      {comments.length > 0 && (
        <ol className="comment-list">
          {comments.map((c) => (
            <li key={c.id} className={c.resolved ? 'comment resolved' : 'comment'}>
              <p className="meta">
                {t('workflow.comments.byline', {
                  author: c.authorName,
                  role: t(`workflow.history.role.${c.role}`),
                  time: time(c.createdAt),
                })}
                {c.resolved && <> · {t('workflow.comments.resolvedBy', { name: c.resolved.byName })}</>}
              </p>
              <p className="comment-body">{c.body}</p>
              <button
                type="button"
                className="button-quiet"
                disabled={busy}
                onClick={() => void run(() => setResolved(c.id, c.resolved === null))}
              >
                {c.resolved ? t('workflow.comments.reopen') : t('workflow.comments.resolve')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="comment-form">
        <label htmlFor={inputId}>{t('workflow.comments.newLabel')}</label>
        <textarea id={inputId} rows={2} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />
        <button type="submit" disabled={busy || body.trim() === ''}>
          {t('workflow.comments.add')}
        </button>
      </form>
      <ErrorAlert error={error} />
    </section>
  );
}
