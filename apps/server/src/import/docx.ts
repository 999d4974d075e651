import mammoth from 'mammoth';

/** A file that is not a readable Word document. */
export class NotAWordFileError extends Error {
  constructor(reason: string) {
    super(`not a readable Word (.docx) file: ${reason}`);
    this.name = 'NotAWordFileError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * A .docx file as Markdown (headings, lists, bold, italic, links), through mammoth, which maps
 * Word's built-in heading and list styles. Markdown is then the one import path for both kinds
 * of file.
 */
export async function docxToMarkdown(file: Uint8Array): Promise<{ markdown: string; warnings: string[] }> {
  if (file.byteLength < 4 || ZIP_MAGIC.some((b, i) => file[i] !== b)) {
    throw new NotAWordFileError('it is not a ZIP package (old .doc files must be saved as .docx first)');
  }
  try {
    // mammoth's Markdown writer is marked deprecated in its typings but is maintained and kept.
    const result = await (
      mammoth as unknown as {
        convertToMarkdown(input: {
          buffer: Buffer;
        }): Promise<{ value: string; messages: Array<{ message: string }> }>;
      }
    ).convertToMarkdown({ buffer: Buffer.from(file) });
    return { markdown: result.value, warnings: result.messages.map((m) => m.message) };
  } catch (error) {
    throw new NotAWordFileError((error as Error).message);
  }
}

/** Plain text of a .docx (for concept notes). */
export async function docxToText(file: Uint8Array): Promise<string> {
  if (file.byteLength < 4 || ZIP_MAGIC.some((b, i) => file[i] !== b)) {
    throw new NotAWordFileError('it is not a ZIP package (old .doc files must be saved as .docx first)');
  }
  try {
    return (await mammoth.extractRawText({ buffer: Buffer.from(file) })).value;
  } catch (error) {
    throw new NotAWordFileError((error as Error).message);
  }
}
