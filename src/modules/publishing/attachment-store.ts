/**
 * Attachment files, stored once by content: DATA_DIR/files/<first 2 hex>/<sha256>. Writing is idempotent
 * and happens before the database transaction; a file whose row never commits is harmless (and is the
 * same file if uploaded again).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class AttachmentStore {
  private readonly root: string;
  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError('Invalid content hash');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores the content (if not already there) and returns its SHA-256. */
  async put(content: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = this.pathOf(sha256);
    if (existsSync(target)) return sha256;
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, content);
    await rename(tmp, target);
    return sha256;
  }

  async read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }
}
