import { useEffect, type FormEvent, type ReactNode } from 'react';

interface AuthLayoutProps {
  readonly title: string;
  readonly lead?: ReactNode;
  /** A problem with the last attempt, announced as it appears. */
  readonly problem?: string | null;
  readonly busy: boolean;
  readonly submitLabel: string;
  readonly onSubmit: () => void;
  readonly children: ReactNode;
  /** Below the form: links to elsewhere. */
  readonly footer?: ReactNode;
}

/** The page around the forms a person fills in before they are signed in: one card, one form. */
export function AuthLayout({
  title,
  lead,
  problem,
  busy,
  submitLabel,
  onSubmit,
  children,
  footer,
}: AuthLayoutProps) {
  useEffect(() => {
    document.title = `${title} · Plenary`;
  }, [title]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };

  return (
    <main className="auth-page" id="main">
      <div className="auth-page__card">
        <p className="auth-page__brand">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          Plenary
        </p>
        <h1 className="auth-page__title">{title}</h1>
        {lead && <div className="auth-page__lead">{lead}</div>}
        <form className="auth-page__form" onSubmit={submit} noValidate aria-busy={busy}>
          {children}
          {problem && (
            <p className="notice notice--error auth-page__problem" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="button button--primary auth-page__submit" disabled={busy}>
            {submitLabel}
          </button>
        </form>
        {footer && <div className="auth-page__footer">{footer}</div>}
      </div>
    </main>
  );
}
