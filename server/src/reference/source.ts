import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ReferenceDataError } from './errors.js';

/** One file of the reference data directory, read once: its text and its SHA-256. */
export interface SourceFile {
  readonly name: string;
  readonly text: string;
  readonly sha256: string;
}

/** Reads the files a run needs, keeping their checksums for the `reference_import` record. */
export class SourceDir {
  readonly checksums: Record<string, string> = {};

  constructor(readonly dir: string) {}

  async read(name: string): Promise<SourceFile> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(this.dir, name));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ReferenceDataError(
        name,
        undefined,
        code === 'ENOENT' ? `file is missing in ${this.dir}` : `cannot be read (${code})`,
      );
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.checksums[name] = sha256;
    return { name, text: bytes.toString('utf8'), sha256 };
  }

  async readJson(name: string): Promise<{ file: SourceFile; value: unknown }> {
    const file = await this.read(name);
    try {
      return { file, value: JSON.parse(file.text) };
    } catch (err) {
      throw new ReferenceDataError(name, undefined, `is not valid JSON (${(err as Error).message})`);
    }
  }
}
