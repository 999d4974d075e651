import { Hono, type Context } from 'hono';
import { ANNEX_KINDS, ExportBusyError, isSha256Hex, type AnnexKind } from '@plenary/export';
import type { ExportFormat, ExportService } from '../export/exportService.ts';
import { contentDisposition } from '../export/filename.ts';
import { assertCan, type AccessControl } from '../auth/AccessControl.ts';
import type { Approvals } from '../auth/Approvals.ts';
import type { AuditLog } from '../auth/AuditLog.ts';
import type { Storage } from '../storage/Storage.ts';
import type { AppEnv } from './context.ts';
import { HttpError } from './errors.ts';
import { requireDocument } from './requests.ts';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new HttpError(400, `unknown ${name} ${JSON.stringify(value)}; use ${allowed.join(' or ')}`, {
    validValues: allowed,
  });
}

/** `annex=theme,addressee`: a comma list; an unknown kind is refused by name. */
export function parseAnnexes(value: string | undefined): AnnexKind[] {
  const kinds: AnnexKind[] = [];
  for (const part of (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!(ANNEX_KINDS as readonly string[]).includes(part)) {
      throw new HttpError(
        400,
        `unknown annex ${JSON.stringify(part)}; valid annexes: ${ANNEX_KINDS.join(', ')}`,
        { validValues: ANNEX_KINDS },
      );
    }
    if (!kinds.includes(part as AnnexKind)) kinds.push(part as AnnexKind);
  }
  return kinds;
}

/**
 * `GET /api/documents/:id/export.pdf|.docx` (query: tags=show|hide, annex=theme,addressee,
 * disposition=inline|attachment) and `GET /api/documents/:id/verify?sha256=`. See docs/export.md.
 */
export function exportApi(deps: {
  storage: Storage;
  exports: ExportService;
  access: AccessControl;
  approvals: Approvals;
  audit: AuditLog;
}): Hono<AppEnv> {
  const { storage, exports, access, approvals, audit } = deps;
  const api = new Hono<AppEnv>();

  const exportRoute = (format: ExportFormat) => async (c: Context<AppEnv>) => {
    // Options first: a bad option is the client's mistake whether or not the document exists.
    const tags = oneOf('tags', c.req.query('tags'), ['show', 'hide'] as const, 'show');
    const annexes = parseAnnexes(c.req.query('annex'));
    const disposition = oneOf(
      'disposition',
      c.req.query('disposition'),
      ['inline', 'attachment'] as const,
      'attachment',
    );
    const principal = c.get('principal');
    const { record, access: rights } = await access.require(principal, c.req.param('id')!, 'read');
    // A final document is exported from its frozen final version, by those who circulate it.
    const final = await approvals.finalVersion(record.id);
    if (final) assertCan(rights, 'exportFinal');
    let result;
    try {
      result = await exports.export(
        record,
        format,
        final
          ? { tags, annexes, final: true, versionId: final.id, content: final.content }
          : { tags, annexes, final: false },
      );
    } catch (error) {
      if (error instanceof ExportBusyError) throw new HttpError(503, error.message, { retryAfterSeconds: 5 });
      // Anything else (ExportFailedError: a worker lost or Typst refusing the model) is ours:
      // onError logs it with its details and the client gets a plain 500.
      throw error;
    }
    await audit.exported(record.id, principal!.user, {
      format,
      final: final !== null,
      versionId: result.versionId,
      sha256: result.sha256,
    });
    return new Response(result.bytes, {
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': contentDisposition(disposition, result.title, format),
        'Content-Length': String(result.bytes.byteLength),
        // The content changes with every edit: never serve an old export from a cache.
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'X-Plenary-Content-Sha256': result.sha256,
        'X-Plenary-Version-Id': result.versionId,
      },
    });
  };

  api.get('/:id/export.pdf', exportRoute('pdf'));
  api.get('/:id/export.docx', exportRoute('docx'));

  // Open to anyone: whoever holds a circulated copy can check it without an account. It says only
  // whether the hash they already have matches.
  api.get('/:id/verify', async (c) => {
    const sha256 = c.req.query('sha256');
    if (!isSha256Hex(sha256)) {
      throw new HttpError(
        400,
        `sha256 must be 64 hexadecimal characters, got ${JSON.stringify(sha256 ?? null)}`,
      );
    }
    const record = await requireDocument(storage, c.req.param('id'));
    return c.json(await exports.verify(record.id, sha256.toLowerCase()));
  });

  return api;
}
