import { useEffect, useState } from 'react';
import { DOCUMENT_TEMPLATES } from '@plenary/templates';
import { ApiError, jsonBody, NetworkError, request } from '../api.ts';
import type { CreateSummaryRequest } from './summaryDraft.ts';

export interface TemplateOption {
  readonly id: string;
  readonly label: string;
  readonly description: string;
}

/** The new summary's id, to open it. */
export function createSummary(body: CreateSummaryRequest): Promise<{ id: string }> {
  return request('/api/documents', jsonBody('POST', body), (value) => {
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') throw new TypeError(`Not a document: ${JSON.stringify(value)}`);
    return { id };
  });
}

/**
 * The document templates the server offers. Shown at once from the copy built into the app
 * (the same registry), then from the server, which is the authority if the two ever differ.
 */
export function useDocumentTemplates(): readonly TemplateOption[] {
  const [templates, setTemplates] = useState<readonly TemplateOption[]>(DOCUMENT_TEMPLATES);
  useEffect(() => {
    const controller = new AbortController();
    request('/api/templates', { signal: controller.signal }, (value) =>
      (Array.isArray(value) ? value : []).filter(
        (t): t is TemplateOption & { kind: string } =>
          typeof t === 'object' &&
          t !== null &&
          t.kind === 'document' &&
          typeof t.id === 'string' &&
          typeof t.label === 'string',
      ),
    ).then(
      (list) => {
        if (list.length > 0)
          setTemplates(
            list.map(({ id, label, description }) => ({ id, label, description: String(description ?? '') })),
          );
      },
      () => {
        // Offline or an old server: the built-in list stands.
      },
    );
    return () => controller.abort();
  }, []);
  return templates;
}

/** A failed request in words for the person; `action` completes "… cannot be {action} now". */
export function failureMessage(error: unknown, action: string): string {
  if (error instanceof ApiError) return sentence(error.message);
  if (error instanceof NetworkError)
    return `The server cannot be reached, so the summary cannot be ${action} now. Check your connection and try again.`;
  return `Something went wrong: the summary could not be ${action}.`;
}

/** Server messages are lower-case fragments ("upload over 10 MiB"): make them a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
