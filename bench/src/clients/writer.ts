import * as Y from 'yjs';
import type { Target } from '../systems/types.ts';
import type { EditLog } from './editLog.ts';
import { LightClient, type LightClientOptions } from './light.ts';

/**
 * A writer that makes real Yjs edits in a Y.Doc of its own and sends each update over a
 * lightweight connection, but does not apply what others send (it only reads which edits an
 * update carries). The server sees exactly what a stock client sends; the client process is
 * spared 200 Y.Docs each integrating 400 updates a second, which on this machine would
 * saturate it and measure the clients instead of the server.
 */
export class LightWriter {
  readonly doc = new Y.Doc();
  readonly client: LightClient;
  private readonly text: Y.Text;

  constructor(
    target: Target,
    documentId: string,
    private readonly editLog: EditLog,
    options: LightClientOptions = {},
  ) {
    this.text = this.doc.getText(`w${this.doc.clientID}`);
    this.client = new LightClient(target, documentId, options);
    this.doc.on('update', (update: Uint8Array) => this.client.sendUpdate(update));
  }

  /** Types one character (one update frame). */
  type(): void {
    this.editLog.type(this.doc, this.text);
  }
}
