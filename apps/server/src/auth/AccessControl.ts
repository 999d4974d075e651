import { can, isDocumentId, type Action, type Role } from '@plenary/protocol';
import { HttpError } from '../http/errors.ts';
import type { MemberRecord } from '../storage/accounts.ts';
import type { DocumentRecord, Storage } from '../storage/Storage.ts';
import type { Principal } from './AuthService.ts';

export interface DocumentAccess {
  role: Role | null;
  isAdmin: boolean;
  member: MemberRecord | null;
}

/** 403 naming the role and the action, unless the role (or admin) allows it. */
export function assertCan(access: DocumentAccess, action: Action): void {
  if (!can(access, action)) {
    throw new HttpError(403, `your role (${access.role}) does not allow this (${action})`, {
      role: access.role,
      action,
    });
  }
}

const NO_ACCESS: DocumentAccess = { role: null, isAdmin: false, member: null };

/**
 * Decides what a principal may do on a document, from its role there (docs/access.md). Every
 * REST route on a document and the websocket upgrade go through `require`.
 */
export class AccessControl {
  constructor(private readonly storage: Storage) {}

  /** A document's title, for an invitation page (which is seen before signing in). */
  async documentTitle(documentId: string): Promise<string | null> {
    return (await this.storage.getDocument(documentId))?.title ?? null;
  }

  async accessTo(principal: Principal, documentId: string): Promise<DocumentAccess> {
    // A token made for one document carries no rights anywhere else, not even its owner's admin.
    if (principal.token?.documentId && principal.token.documentId !== documentId) return NO_ACCESS;
    const member = await this.storage.accounts.getMember(documentId, principal.user.id);
    return { role: member?.role ?? null, isAdmin: principal.user.isAdmin, member };
  }

  /**
   * The document, if the principal may do `action` on it: 401 without a principal, 400 for a
   * malformed id, 403 without the right. The role is checked before the document is looked up,
   * so someone without access learns nothing about which documents exist; only admins get 404.
   */
  async require(
    principal: Principal | null,
    documentId: string,
    action: Action,
  ): Promise<{ record: DocumentRecord; access: DocumentAccess }> {
    if (!principal) throw new HttpError(401, 'sign in first');
    if (!isDocumentId(documentId))
      throw new HttpError(400, `invalid document id ${JSON.stringify(documentId)}`);
    const access = await this.accessTo(principal, documentId);
    if (!access.isAdmin && access.role === null) {
      throw new HttpError(403, `you have no access to document ${JSON.stringify(documentId)}`);
    }
    const record = await this.storage.getDocument(documentId);
    if (!record) throw new HttpError(404, `document ${JSON.stringify(documentId)} not found`);
    assertCan(access, action);
    if (
      (action === 'edit' || action === 'structure') &&
      (await this.storage.accounts.getStatus(documentId)).state === 'final'
    ) {
      throw new HttpError(423, 'the document is final: a co-host must reopen it before anyone can change it');
    }
    return { record, access };
  }

  /**
   * What the principal may read: every document (`all`, an admin's session) or those in `roles`,
   * which holds the principal's role on each document they are a member of (one query).
   */
  async readableDocuments(principal: Principal): Promise<{ all: boolean; roles: Map<string, Role | null> }> {
    const scoped = principal.token?.documentId;
    if (scoped) {
      const access = await this.accessTo(principal, scoped);
      return { all: false, roles: new Map(access.isAdmin || access.role ? [[scoped, access.role]] : []) };
    }
    const mine = await this.storage.accounts.listDocumentsOf(principal.user.id);
    return { all: principal.user.isAdmin, roles: new Map(mine.map((d) => [d.id, d.role])) };
  }

  /** Creating documents: any signed-in user, but not with a token made for one document. */
  requireCreator(principal: Principal | null): Principal {
    if (!principal) throw new HttpError(401, 'sign in first');
    if (principal.token?.documentId)
      throw new HttpError(403, 'a token made for one document cannot create documents');
    return principal;
  }
}
