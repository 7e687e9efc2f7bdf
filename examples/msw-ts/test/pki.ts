// Test PKI made with the openssl command line: a TLS root and leaf certificates naming party addresses.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Issued {
  certificate: string;
  key: string;
  der: Buffer;
}

export class Pki {
  readonly dir = mkdtempSync(join(tmpdir(), 'msw-ts-'));
  readonly root: string;
  private n = 0;

  constructor() {
    this.run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', this.p('root.key'), '-out', this.p('root.pem'), '-subj', '/CN=test root', '-days', '2');
    this.root = readFileSync(this.p('root.pem'), 'utf8');
    writeFileSync(this.p('ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
  }

  private p(name: string): string {
    return join(this.dir, name);
  }

  private run(...args: string[]): void {
    execFileSync('openssl', args, { stdio: 'pipe' });
  }

  // rsa: an RSA-2048 key (key exchange) instead of P-256.
  issue(cn: string, rsa = false): Issued {
    const id = `leaf${this.n++}`;
    const keyArgs = rsa ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
    this.run('req', ...keyArgs, '-nodes', '-keyout', this.p(`${id}.key`), '-out', this.p(`${id}.csr`), '-subj', '/CN=' + cn.replace(/\//g, '\\/'));
    this.run('x509', '-req', '-in', this.p(`${id}.csr`), '-CA', this.p('root.pem'), '-CAkey', this.p('root.key'), '-CAcreateserial', '-out', this.p(`${id}.pem`), '-days', '2', '-extfile', this.p('ext'));
    execFileSync('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', this.p(`${id}.key`), '-out', this.p(`${id}.p8`)]);
    const certificate = readFileSync(this.p(`${id}.pem`), 'utf8');
    const der = execFileSync('openssl', ['x509', '-in', this.p(`${id}.pem`), '-outform', 'DER']);
    return { certificate, key: readFileSync(this.p(`${id}.p8`), 'utf8'), der };
  }

  file(name: string): string {
    return this.p(name);
  }
}
