import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface InvitationMail {
  to: string;
  url: string;
  inviterName: string;
  documentTitle: string | null;
  role: string | null;
  expiresAt: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * Sends invitation links by email when an SMTP server is configured (PLENARY_SMTP_URL). The link
 * is also always shown to the inviter to copy, so a mail that fails loses nothing: the failure
 * is logged and reported in the answer.
 */
export class Mailer {
  private readonly transport: nodemailer.Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly logger: Logger,
  ) {
    // Short timeouts: the inviter waits for this answer.
    this.transport = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    } as object);
  }

  /** True when the SMTP server accepted the message. */
  async sendInvitation(mail: InvitationMail): Promise<{ mailed: boolean; mailError?: string }> {
    const what = mail.documentTitle
      ? `“${mail.documentTitle}”${mail.role ? ` as ${mail.role}` : ''}`
      : 'Plenary';
    const expires = new Date(mail.expiresAt).toUTCString();
    const text = [
      `${mail.inviterName} invites you to ${what}.`,
      '',
      `Open this link to choose your name and password (valid until ${expires}, once):`,
      mail.url,
      '',
      'If you did not expect this invitation, ignore this message.',
    ].join('\n');
    const html =
      `<p>${escapeHtml(mail.inviterName)} invites you to ${escapeHtml(what)}.</p>` +
      `<p><a href="${escapeHtml(mail.url)}">Accept the invitation</a> (valid until ${escapeHtml(expires)}, once).</p>` +
      '<p>If you did not expect this invitation, ignore this message.</p>';
    try {
      await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: `Invitation to ${mail.documentTitle ? `“${mail.documentTitle}”` : 'Plenary'}`,
        text,
        html,
      });
      return { mailed: true };
    } catch (error) {
      const message = (error as Error).message;
      this.logger.error(
        { err: error, to: mail.to },
        'invitation mail failed; the link was shown to the inviter',
      );
      return {
        mailed: false,
        mailError: `the invitation email could not be sent (${message}); send the link yourself`,
      };
    }
  }

  close(): void {
    this.transport.close();
  }
}
