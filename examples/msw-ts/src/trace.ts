// The MSW's own record for GET /provision/trace (docs/protocol/trace-format.md): the messages it received and sent,
// so that the campaign can place each decision after the message that preceded it, and its routing, offer and custody
// decisions under its wallet name.
import { createHash } from 'node:crypto';

export class Trace {
  private readonly lines: string[] = [];

  constructor(private readonly actor: () => string) {}

  msg(from: string, to: string, kind: string, body: Buffer): void {
    const digest = createHash('sha256').update(body).digest('hex').slice(0, 16);
    this.lines.push(JSON.stringify({ type: 'msg', from, to, kind, digest }));
  }

  decision(what: string, detail: Record<string, string>, reason: string): void {
    this.lines.push(JSON.stringify({ type: 'decision', actor: this.actor(), what, detail, reason }));
  }

  jsonl(): string {
    return this.lines.map((l) => l + '\n').join('');
  }
}
