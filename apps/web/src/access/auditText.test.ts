import { describe, expect, it } from 'vitest';
import { auditSentence, auditTime } from './auditText.ts';

describe('auditSentence', () => {
  it('reads an approval with its delegation, however the action is spelled', () => {
    const entry = { actor: 'Amina Diallo', detail: { delegation: 'Pakistan' } };
    expect(auditSentence({ ...entry, action: 'approved' })).toBe('Amina Diallo approved for Pakistan');
    expect(auditSentence({ ...entry, action: 'APPROVED' })).toBe('Amina Diallo approved for Pakistan');
  });

  it('names who was added, with the role, and the reason for reopening', () => {
    expect(
      auditSentence({
        actor: 'Kenji Sato',
        action: 'member.added',
        detail: { email: 'ana@example.org', role: 'observer' },
      }),
    ).toBe('Kenji Sato added ana@example.org as observer');
    expect(
      auditSentence({ actor: 'Kenji Sato', action: 'reopened', detail: { reason: 'typo in para 4' } }),
    ).toBe('Kenji Sato reopened the document: “typo in para 4”');
  });

  it('still reads an action it does not know', () => {
    expect(auditSentence({ actor: 'Kenji Sato', action: 'tokenRevoked', detail: {} })).toBe(
      'Kenji Sato token revoked',
    );
  });

  it('says whose role changed, and why approvals were reset', () => {
    expect(
      auditSentence({
        actor: 'Kenji Sato',
        action: 'role-changed',
        detail: { name: 'Ana', from: 'observer', to: 'rapporteur' },
      }),
    ).toBe('Kenji Sato made Ana rapporteur');
    expect(
      auditSentence({
        actor: null,
        action: 'approvals-reset',
        detail: { reason: 'edited after approval', approvals: 2 },
      }),
    ).toBe('Plenary reset 2 approvals: “edited after approval”');
  });
});

describe('auditTime', () => {
  const now = new Date(2026, 3, 10, 15, 0);
  it('gives only the time today, and the day otherwise', () => {
    expect(auditTime(new Date(2026, 3, 10, 10, 42).toISOString(), now, 'en-GB')).toBe('10:42');
    expect(auditTime(new Date(2026, 3, 3, 10, 42).toISOString(), now, 'en-GB')).toBe('3 Apr, 10:42');
  });
});
