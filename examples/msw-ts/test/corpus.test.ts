// The recorded wire of our own C# parties (checks/Recorded/corpus, bodies included) read with this codec: every JSON
// body is canonical by our writer's rules, so both sides agree on the bytes that are hashed, signed and MAC'd.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { encode } from '../src/canon';
import { decodeFields, encodeFields } from '../src/headers';

const corpus = join(__dirname, '..', '..', '..', '..', 'checks', 'Recorded', 'corpus');

test('every recorded JSON body re-encodes to the same bytes, every fields map to one header', () => {
  let bodies = 0;
  for (const file of readdirSync(corpus).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(corpus, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line);
      if (o.type !== 'msg') continue;
      if (o.fields) assert.deepEqual(decodeFields(encodeFields(o.fields)), o.fields);
      if (!o.body) continue;
      const raw = Buffer.from(o.body, 'base64');
      if (raw[0] !== 0x7b) continue; // CMS envelopes and text bodies
      assert.equal(encode(JSON.parse(raw.toString('utf8'))), raw.toString('utf8'), `${file}: ${o.kind}`);
      bodies++;
    }
  }
  assert.ok(bodies > 50, `only ${bodies} bodies read`);
});
