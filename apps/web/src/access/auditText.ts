import type { AuditRecord } from './accessApi.ts';

type Detail = Readonly<Record<string, unknown>>;

/**
 * Audit entries as sentences: "Amina Diallo approved for Pakistan". Actions are matched loosely
 * (`member.added`, `member-added`, `memberAdded` alike); an unknown one still reads, from its
 * name, so a new kind of entry on the server never shows as nothing.
 */
const PHRASES: Readonly<Record<string, (detail: Detail) => string>> = {
  joined: () => 'opened the document',
  created: () => 'created the document',
  memberadded: (d) => `added ${who(d)}${as(d)}`,
  memberchanged: (d) => `made ${who(d)} ${field(d, 'to', 'role') ?? 'a member'}${delegationOf(d)}`,
  rolechanged: (d) => `made ${who(d)} ${field(d, 'to', 'role') ?? 'a member'}${delegationOf(d)}`,
  invitationaccepted: (d) => `joined through an invitation${as(d)}`,
  memberremoved: (d) => `removed ${who(d)}`,
  invited: (d) => `invited ${who(d)}${as(d)}`,
  invitationcreated: (d) => `invited ${who(d)}${as(d)}`,
  approvalrequested: () => 'requested approval',
  finalizerequested: () => 'requested approval',
  finalize: () => 'requested approval',
  approved: (d) => `approved${forDelegation(d)}`,
  approval: (d) => `approved${forDelegation(d)}`,
  approvalsreset: (d) => `reset ${count(d)}${reason(d)}`,
  finalized: (d) => `locked the final version${version(d)}`,
  final: (d) => `locked the final version${version(d)}`,
  reopened: (d) => `reopened the document${reason(d)}`,
  exported: (d) => `exported${format(d)}`,
  export: (d) => `exported${format(d)}`,
};

/** "Amina Diallo approved for Pakistan". */
export function auditSentence(entry: Pick<AuditRecord, 'actor' | 'action' | 'detail'>): string {
  const key = entry.action.toLowerCase().replace(/[^a-z]/g, '');
  const phrase = PHRASES[key]?.(entry.detail) ?? humanize(entry.action);
  // Resets after an edit are the server's doing: no one in particular.
  const actor = entry.actor ?? 'Plenary';
  return `${actor} ${phrase}`;
}

/** "10:42" today, "3 Apr, 10:42" another day. */
export function auditTime(iso: string, now: Date = new Date(), locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  if (date.toDateString() === now.toDateString()) return time;
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(date.getFullYear() !== now.getFullYear() && { year: 'numeric' }),
  }).format(date);
  return `${day}, ${time}`;
}

function field(detail: Detail, ...names: string[]): string | null {
  for (const name of names) {
    const value = detail[name];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

function who(detail: Detail): string {
  return field(detail, 'name', 'email', 'targetName', 'targetEmail', 'userName') ?? 'someone';
}

function as(detail: Detail): string {
  const role = field(detail, 'role');
  return `${role ? ` as ${role}` : ''}${delegationOf(detail)}`;
}

function delegationOf(detail: Detail): string {
  const delegation = field(detail, 'delegation');
  return delegation ? ` (${delegation})` : '';
}

function forDelegation(detail: Detail): string {
  const delegation = field(detail, 'delegation');
  return delegation ? ` for ${delegation}` : '';
}

function count(detail: Detail): string {
  const value = detail.approvals ?? detail.count;
  return typeof value === 'number' && value !== 1 ? `${value} approvals` : 'the approval';
}

function version(detail: Detail): string {
  const sha = field(detail, 'sha256', 'hash');
  return sha ? ` (SHA-256 ${sha.slice(0, 12)}…)` : '';
}

function reason(detail: Detail): string {
  const text = field(detail, 'reason');
  return text ? `: “${text}”` : '';
}

function format(detail: Detail): string {
  const kind = field(detail, 'format');
  const final = detail.final === true ? ' the final copy' : '';
  return `${final}${kind ? ` as ${kind.toUpperCase()}` : ''}`;
}

function humanize(action: string): string {
  return action
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .toLowerCase()
    .trim();
}
