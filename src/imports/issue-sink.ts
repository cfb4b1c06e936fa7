/**
 * Findings of a running import, kept until the import knows whether it commits: in memory while few, then on
 * a temporary file, so a million-row file full of warnings does not fill the memory.
 */
import { createReadStream } from "node:fs";
import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { IssueAt } from "./prepare.ts";

const IN_MEMORY = 50_000;

export class IssueSink {
  private memory: IssueAt[] = [];
  private file: string | null = null;
  private pending = "";
  count = 0;

  async add(issues: readonly IssueAt[]): Promise<void> {
    this.count += issues.length;
    if (this.file === null && this.memory.length + issues.length <= IN_MEMORY) {
      this.memory.push(...issues);
      return;
    }
    if (this.file === null) {
      const dir = await mkdtemp(join(tmpdir(), "salur-import-issues-"));
      this.file = join(dir, "issues.ndjson");
      for (const issue of this.memory) this.pending += `${JSON.stringify(issue)}\n`;
      this.memory = [];
    }
    for (const issue of issues) this.pending += `${JSON.stringify(issue)}\n`;
    if (this.pending.length > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.file && this.pending) {
      await appendFile(this.file, this.pending);
      this.pending = "";
    }
  }

  /** Every finding in the order added, in batches. */
  async *batches(size: number): AsyncGenerator<IssueAt[]> {
    if (this.file === null) {
      for (let i = 0; i < this.memory.length; i += size) yield this.memory.slice(i, i + size);
      return;
    }
    await this.flush();
    let batch: IssueAt[] = [];
    for await (const line of createInterface({
      input: createReadStream(this.file),
      crlfDelay: Number.POSITIVE_INFINITY,
    })) {
      if (!line) continue;
      batch.push(JSON.parse(line) as IssueAt);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  async dispose(): Promise<void> {
    this.memory = [];
    if (this.file) await rm(join(this.file, ".."), { recursive: true, force: true });
    this.file = null;
  }
}
