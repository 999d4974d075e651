import { useState } from 'react';
import { ROLES, type Role } from '@plenary/protocol';
import { CopyField } from '../account/CopyField.tsx';
import { formatDateTime } from '../format/time.ts';
import { SelectField } from '../form/SelectField.tsx';
import { TextField } from '../form/TextField.tsx';
import { useSubmission } from '../form/useSubmission.ts';
import { putMember, removeMember, type AddResult, type Member } from './accessApi.ts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from './labels.ts';
import type { DocumentAccess } from './useDocumentAccess.ts';
import { useMembers } from './useMembers.ts';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/**
 * Who has a role on the document, and the invitations not yet accepted. Co-hosts (and
 * admins) add people by email with a role, change roles and remove people; someone without an
 * account gets an invitation link, shown here to copy and send.
 */
export function MembersPanel({
  documentId,
  access,
}: {
  readonly documentId: string;
  readonly access: DocumentAccess;
}) {
  const { members, problem, reload } = useMembers(documentId, access.status);
  const manage = access.can('manageMembers');
  const [announcement, setAnnouncement] = useState('');

  return (
    <div className="panel members-panel">
      {manage && (
        <AddMember
          documentId={documentId}
          onAdded={(message) => {
            setAnnouncement(message);
            reload();
          }}
        />
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {members === null && !problem && <p className="panel__empty">Loading the members…</p>}
      {members && (
        <>
          <ul className="member-list" aria-label="Members">
            {members.members.map((member) => (
              <MemberRow
                key={member.userId}
                documentId={documentId}
                member={member}
                manage={manage}
                onChanged={(message) => {
                  setAnnouncement(message);
                  reload();
                }}
              />
            ))}
          </ul>
          {members.invitations.length > 0 && (
            <>
              <h3 className="members-panel__heading">Invited, not yet joined</h3>
              <ul className="member-list" aria-label="Pending invitations">
                {members.invitations.map((invitation) => (
                  <li key={invitation.id} className="member-list__item">
                    <span className="member-list__name">{invitation.email}</span>
                    <span className="member-list__meta">
                      {invitation.role ? ROLE_LABELS[invitation.role] : 'No role'}
                      {invitation.delegation && ` · ${invitation.delegation}`}
                      {invitation.expiresAt && ` · until ${formatDateTime(invitation.expiresAt)}`}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function MemberRow({
  documentId,
  member,
  manage,
  onChanged,
}: {
  readonly documentId: string;
  readonly member: Member;
  readonly manage: boolean;
  readonly onChanged: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  // The delegation being typed, while its form is open.
  const [delegation, setDelegation] = useState<string | null>(null);
  const { busy, problem, run } = useSubmission('change this member');
  const who = member.name || member.email;

  const changeRole = (role: Role) =>
    void run(async () => {
      await putMember(documentId, {
        email: member.email,
        role,
        delegation: role === 'co-host' ? member.delegation : null,
      });
      onChanged(`${who} is now ${ROLE_LABELS[role].toLowerCase()}.`);
    });
  const saveDelegation = (value: string) =>
    void run(async () => {
      await putMember(documentId, { email: member.email, role: 'co-host', delegation: value.trim() || null });
      setDelegation(null);
      onChanged(`${who} now approves for ${value.trim() || member.name}.`);
    });
  const remove = () =>
    void run(async () => {
      await removeMember(documentId, member.email);
      onChanged(`${who} removed from the document.`);
    });

  return (
    <li className="member-list__item" data-user-id={member.userId}>
      <span className="member-list__name">{member.name || member.email}</span>
      <span className="member-list__meta">
        {member.email}
        {member.role === 'co-host' && ` · approves for ${member.delegation ?? member.name}`}
      </span>
      {manage ? (
        <span className="member-list__actions">
          <SelectField
            label={`Role of ${who}`}
            hideLabel
            value={member.role}
            options={ROLE_OPTIONS}
            disabled={busy}
            onChange={changeRole}
          />
          {member.role === 'co-host' && delegation === null && (
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={`Change the delegation of ${who}`}
              onClick={() => setDelegation(member.delegation ?? '')}
            >
              Delegation…
            </button>
          )}
          {confirming ? (
            <>
              <button
                type="button"
                className="button button--small button--danger"
                disabled={busy}
                onClick={remove}
              >
                Remove {who}
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => setConfirming(false)}
              >
                Keep
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={`Remove ${who}`}
              onClick={() => setConfirming(true)}
            >
              Remove
            </button>
          )}
        </span>
      ) : (
        <span className="member-list__role">{ROLE_LABELS[member.role]}</span>
      )}
      {delegation !== null && (
        <form
          className="member-list__delegation"
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) saveDelegation(delegation);
          }}
        >
          <TextField
            label={`Delegation of ${who}`}
            hint="Empty: their own name. Approving for a delegation counts once, whoever of its co-hosts does it."
            autoFocus
            value={delegation}
            onChange={setDelegation}
          />
          <div className="confirm__actions">
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setDelegation(null)}
            >
              Cancel
            </button>
            <button type="submit" className="button button--small button--primary" disabled={busy}>
              Save delegation
            </button>
          </div>
        </form>
      )}
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

function AddMember({
  documentId,
  onAdded,
}: {
  readonly documentId: string;
  readonly onAdded: (message: string) => void;
}) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('rapporteur');
  const [delegation, setDelegation] = useState('');
  const [invitation, setInvitation] = useState<Extract<AddResult, { kind: 'invitation' }> | null>(null);
  const { busy, problem, setProblem, run } = useSubmission('add members');

  const submit = () => {
    if (!email.includes('@')) {
      setProblem('Enter the email address of the person to add.');
      return;
    }
    setInvitation(null);
    void run(async () => {
      const result = await putMember(documentId, {
        email: email.trim(),
        role,
        delegation: role === 'co-host' ? delegation.trim() || null : null,
      });
      if (result.kind === 'invitation') setInvitation(result);
      onAdded(
        result.kind === 'member'
          ? `${result.member.name || result.member.email} added as ${ROLE_LABELS[role].toLowerCase()}.`
          : `No account has that email yet: an invitation link was made for ${result.email}.`,
      );
      setEmail('');
      setDelegation('');
    });
  };

  return (
    <form
      className="members-panel__add"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) submit();
      }}
    >
      <h3 className="members-panel__heading">Add someone</h3>
      <TextField label="Email" type="email" autoComplete="off" value={email} onChange={setEmail} />
      <SelectField
        label="Role"
        value={role}
        options={ROLES.map((option) => ({
          value: option,
          label: `${ROLE_LABELS[option]}: ${ROLE_DESCRIPTIONS[option]}`,
        }))}
        onChange={setRole}
      />
      {role === 'co-host' && (
        <TextField
          label="Delegation"
          hint="The delegation this co-host approves for, e.g. Pakistan. Empty: their own name."
          value={delegation}
          onChange={setDelegation}
        />
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        Add
      </button>
      {invitation && (
        <div className="notice invitation-link" role="status">
          <p className="notice__text">
            No account has <strong>{invitation.email}</strong> yet.{' '}
            {invitation.mailed
              ? 'An invitation was mailed to them; you can also send them this link'
              : 'Send them this invitation link'}
            {invitation.expiresAt && ` (valid until ${formatDateTime(invitation.expiresAt)})`}:
          </p>
          {invitation.mailError && (
            <p className="field__hint">The invitation mail could not be sent: {invitation.mailError}</p>
          )}
          <CopyField
            value={invitation.url}
            label={`Invitation link for ${invitation.email}`}
            copyLabel="Copy link"
          />
        </div>
      )}
    </form>
  );
}
