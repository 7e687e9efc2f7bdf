// msw-ts: serves the MSW role and the provisioning interface (openapi.yaml /provision/*).
//   node dist/src/main.js [--port N] [--host 127.0.0.1] [--defect route-first-listed]
// Prints "provisioning at http://HOST:PORT/" once listening.
import * as http from 'node:http';
import * as https from 'node:https';
import { AddressInfo } from 'node:net';
import { Defects, Msw } from './msw';
import { readTopology, Topology, Unsupported, BRANDS } from './topology';
import { Client, listener } from './wire';

const VERSION = '0.1.0';

interface Options {
  host: string;
  port: number;
  defects: Defects;
}

export function parseArgs(argv: string[]): Options {
  const o: Options = { host: '127.0.0.1', port: 0, defects: { routeFirstListed: false } };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') o.port = Number(argv[++i]);
    else if (a === '--host') o.host = argv[++i];
    else if (a === '--defect') {
      const d = argv[++i];
      if (d !== 'route-first-listed') throw new Error(`unknown defect ${d} (known: route-first-listed)`);
      o.defects.routeFirstListed = true;
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

export class Server {
  private msw?: Msw;
  private topo?: Topology;
  private client?: Client;
  private state: 'up' | 'down' | 'silent' = 'up';
  private walletServer?: https.Server;
  private walletPort = 0;
  readonly provisioning: http.Server;

  constructor(private readonly options: Options) {
    this.provisioning = http.createServer((req, res) => void this.provision(req, res));
  }

  async listen(): Promise<string> {
    await new Promise<void>((r) => this.provisioning.listen(this.options.port, this.options.host, r));
    const port = (this.provisioning.address() as AddressInfo).port;
    return `http://${this.options.host}:${port}/`;
  }

  async close(): Promise<void> {
    this.client?.close();
    await this.stopWallet();
    await new Promise<void>((r) => this.provisioning.close(() => r()));
  }

  private async stopWallet(): Promise<void> {
    const s = this.walletServer;
    if (!s) return;
    this.walletServer = undefined;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }

  // The MSW listener: one HTTPS origin whose certificate names sw://MSW; a client certificate is asked, checked when given.
  private async startWallet(): Promise<void> {
    const t = this.topo!;
    const server = https.createServer(
      { key: t.tls.key, cert: t.tls.cert, ca: t.tls.root, requestCert: true, rejectUnauthorized: false },
      listener(
        () => `sw://${this.topo!.master.name}`,
        (m) => this.msw!.handle(m),
        () => this.state === 'silent',
      ),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.walletPort, this.options.host, () => resolve());
    });
    this.walletPort = (server.address() as AddressInfo).port;
    this.walletServer = server;
  }

  private async provision(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const problem = (status: number, title: string, field?: string, type?: string) => json(status, { ...(type ? { type } : {}), title, ...(field !== undefined ? { field } : {}) });
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    try {
      if (req.method === 'GET' && path === '/provision/info')
        return json(200, { name: 'msw-ts', version: VERSION + (this.options.defects.routeFirstListed ? '+defect.route-first-listed' : ''), roles: ['MSW'], embodiments: ['E7', 'E8', 'E9', 'E10', 'E11', 'E12'] });
      if (req.method === 'PUT' && path === '/provision/topology') {
        let topo: Topology;
        try {
          topo = readTopology(JSON.parse(body.toString('utf8')));
        } catch (e) {
          if (e instanceof Unsupported) return problem(400, e.message, e.field, 'unsupported');
          return problem(400, `bad topology: ${(e as Error).message}`, '');
        }
        this.client?.close();
        await this.stopWallet();
        this.topo = topo;
        this.client = new Client(`sw://${topo.master.name}`, topo.tls, (a) => topo.addresses[a], topo.timeoutMs);
        this.msw = new Msw(topo, this.client, this.options.defects);
        this.state = topo.master.down ? 'down' : topo.master.silent ? 'silent' : 'up';
        if (this.state !== 'down') await this.startWallet();
        else if (this.walletPort === 0) {
          await this.startWallet();
          await this.stopWallet();
        }
        return json(200, { [`sw://${topo.master.name}`]: `https://${this.options.host}:${this.walletPort}/` });
      }
      const party = /^\/provision\/parties\/([^/]+)\/(state|brands|restart)$/.exec(path);
      if (party) {
        const name = decodeURIComponent(party[1]);
        if (!this.msw || name !== this.topo!.master.name) return problem(404, `no party ${name} here`);
        const what = party[2];
        if (what === 'state' && req.method === 'PUT') {
          const state = JSON.parse(body.toString('utf8')).state;
          if (!['up', 'down', 'silent'].includes(state)) return problem(400, 'state is up, down or silent', '/state');
          this.state = state;
          if (state === 'down') await this.stopWallet();
          else if (!this.walletServer) await this.startWallet();
          res.writeHead(204).end();
          return;
        }
        if (what === 'brands' && req.method === 'PUT') {
          const b = JSON.parse(body.toString('utf8'));
          const ok = (x: unknown) => Array.isArray(x) && x.every((y) => BRANDS.includes(y));
          if (!ok(b.held) || !ok(b.advertised)) return problem(400, 'held and advertised are lists of brands', '/held');
          this.msw.setBrands(b.held, b.advertised);
          res.writeHead(204).end();
          return;
        }
        if (what === 'restart' && req.method === 'POST') {
          // A restart must come back with what a master persists: its session log and routing (DECISIONS.md, "Restarts").
          // msw-ts keeps them in memory only, so it declares the restart unsupported and the campaign does not run a
          // crash of the master against it (GAPS.md), rather than come back empty and refuse the purchase it was proxying.
          return problem(404, 'msw-ts cannot restart: it persists no session log');
        }
      }
      if (req.method === 'GET' && path === '/provision/trace') {
        if (!this.msw) return problem(404, 'no topology yet');
        res.writeHead(200, { 'Content-Type': 'application/jsonl' });
        res.end(this.msw.trace.jsonl());
        return;
      }
      if (req.method === 'PUT' && path === '/provision/knowledge') {
        if (!this.msw || !['E7', 'E8', 'E9'].includes(this.topo!.embodiment)) return problem(409, 'no replaceable knowledge in this embodiment');
        const k = JSON.parse(body.toString('utf8'));
        const expected = this.topo!.embodiment === 'E9' ? 'SswList' : 'BrandTable';
        if (k?.kind !== expected) return problem(400, `${this.topo!.embodiment} routes on ${expected}`, '/kind');
        this.msw.setKnowledge(k);
        res.writeHead(204).end();
        return;
      }
      if (req.method === 'PUT' && path === '/provision/user/answers') {
        res.writeHead(204).end();
        return;
      }
      return problem(404, `not served: ${req.method} ${path}`);
    } catch (e) {
      return problem(400, (e as Error).message);
    }
  }
}

if (require.main === module) {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  const server = new Server(options);
  server.listen().then((url) => process.stdout.write(`provisioning at ${url}\n`));
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
