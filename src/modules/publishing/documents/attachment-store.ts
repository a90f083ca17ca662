/**
 * Attachment files, stored once by content: DATA_DIR/files/<first 2 hex>/<sha256>. Writing is idempotent
 * and happens before the database transaction; a file whose row never commits is harmless (and is the
 * same file if uploaded again). Files are never deleted inline: storing content again refreshes the
 * file's modification time, and the daily sweep (attachment-sweep.ts) deletes only files that no row
 * refers to and that nobody stored for a day, so an upload of the same bytes can never lose its file.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
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
    if (existsSync(target)) {
      // Refreshes the time the sweep goes by; if the sweep removed it meanwhile, it is written below.
      const now = new Date();
      const touched = await utimes(target, now, now).then(
        () => true,
        () => false,
      );
      if (touched) return sha256;
    }
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, content);
    await rename(tmp, target);
    return sha256;
  }

  /**
   * Deletes a stored file (a no-op when it is already gone). Only the sweep calls it, for a file that no
   * row refers to and that was not stored again for its grace period.
   */
  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Every stored file (and left-over temporary file) with its modification time. */
  async *list(): AsyncGenerator<{ name: string; sha256: string | null; mtimeMs: number }> {
    const shards = await readdir(this.root).catch(() => [] as string[]);
    for (const shard of shards.filter((s) => /^[0-9a-f]{2}$/.test(s))) {
      for (const name of await readdir(path.join(this.root, shard)).catch(() => [] as string[])) {
        const info = await stat(path.join(this.root, shard, name)).catch(() => null);
        if (!info?.isFile()) continue;
        yield {
          name: `${shard}/${name}`,
          sha256: /^[0-9a-f]{64}$/.test(name) ? name : null,
          mtimeMs: info.mtimeMs,
        };
      }
    }
  }

  /** Deletes a left-over temporary file named as list() names it. */
  async removeTemporary(name: string): Promise<void> {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}\.\d+\.\d+\.tmp$/.test(name))
      throw new RangeError('Not a temporary file');
    await rm(path.join(this.root, name), { force: true });
  }

  /** Whether the file of `sha256` is stored. */
  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  async read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }
}
