// The master server wallet (E7-E12): pays itself when it holds the brand, else routes by its embodiment's knowledge
// and proxies the session to a slave through its virtual WUM (E7, E9-E12) or acquires the brand's credential from
// the custodian and pays itself (E8).
import { createHash, randomBytes } from 'node:crypto';
import { bytes, canonicalBytes, chain, integer, Json, MalformedMessage, parseCanonical, strings, text } from './canon';
import * as cms from './cms';
import { Fields } from './headers';
import { openSigned, parseInner, signMessage, ecKeyFromScalar } from './keys';
import { computeMac, macMatches } from './mac';
import { Credential, informational, Outcome, outcomeBody, parseWakeUp, Purchase, Step, WakeUp } from './purchase';
import { BRANDS, MASTER_LOGIN, Topology } from './topology';
import { Trace } from './trace';
import { Client, Incoming, Message, SendResult } from './wire';

export interface Defects {
  // Routes to the first slave the knowledge lists, whatever brands it lists (the deliberate routing defect).
  routeFirstListed: boolean;
}

// What the MSW answers its client, before the session fields and MAC are added.
type Answer = Message;

interface VirtualSession {
  slave: string;
  id: string;
  seq: number;
  key: Buffer;
  hopped: boolean;
}

type Attempt = { reached: true; answer: Message } | { reached: false; failure: string };

type Mode = { kind: 'pay'; purchase: Purchase; erase?: () => void } | { kind: 'proxy'; vs: VirtualSession } | { kind: 'over' };

interface Session {
  id: string;
  login: string;
  key: Buffer;
  nextSeq: number;
  recorded: Map<number, { mac: string; answer: Promise<Message> }>;
  mode: Mode;
}

const AUTH_FIELDS = new Set(['login', 'session', 'seq', 'mac']);
const strip = (f: Fields): Fields => Object.fromEntries(Object.entries(f).filter(([k]) => !AUTH_FIELDS.has(k)));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();
const MAX_SESSIONS = 4096;

export class Msw {
  private sessions = new Map<string, Session>();
  private admitted = new Set<string>();
  readonly trace = new Trace(() => this.name);

  constructor(
    private topo: Topology,
    private readonly client: Client,
    private readonly defects: Defects,
  ) {}

  // Configuration: from the next wake-up on (E7/E8 BrandTable, E9 SswList).
  setKnowledge(k: Topology['knowledge']): void {
    this.topo.knowledge = k;
  }

  private get name(): string {
    return this.topo.master.name;
  }

  setBrands(held: string[], advertised: string[]): void {
    this.topo.master = { ...this.topo.master, held, advertised };
  }

  async handle(msg: Incoming): Promise<Message> {
    this.trace.msg(msg.from, msg.to, msg.kind, msg.body);
    const answer = await this.answer(msg);
    this.trace.msg(msg.to, msg.from, answer.kind, answer.body);
    return answer;
  }

  // Every outgoing request and its answer go through here, so that the trace shows them.
  private async send(to: string, msg: Message, timeoutMs?: number): Promise<SendResult> {
    const self = `sw://${this.name}`;
    this.trace.msg(self, to, msg.kind, msg.body);
    const r = await this.client.send(to, msg, timeoutMs);
    if (r.ok) this.trace.msg(to, self, r.reply.kind, r.reply.body);
    return r;
  }

  private async answer(msg: Incoming): Promise<Message> {
    switch (msg.kind) {
      case 'Wallet.BrandQuery': {
        const brands = [...this.topo.master.advertised].sort();
        return { kind: 'Wallet.Brands', fields: { brands: brands.join(',') }, body: canonicalBytes({ msg: 'Brands', brands }) };
      }
      case 'Wallet.Start':
      case 'Wallet.StartWithInfo':
      case 'Wallet.Deliver':
        return this.session(msg);
      default: {
        const reason = 'ProtocolError';
        return { kind: 'Wallet.Refused', fields: { session: '', reason }, body: outcomeBody({ outcome: 'Refused', reason, wallet: this.name, cause: `${reason}: ${msg.kind} is not served here` }) };
      }
    }
  }

  private async session(msg: Incoming): Promise<Message> {
    const f = msg.fields;
    const login = f.login;
    const key = login !== undefined ? this.topo.logins.get(`${login}@${this.name}`) : undefined;
    const authenticated = key !== undefined && macMatches({ key, direction: 'request', wallet: this.name, login, kind: msg.kind, fields: f, body: msg.body, inReplyTo: '' }, f.mac);
    const reject = (reason: string, cause: string): Message => {
      const fields: Fields = { reason };
      if (f.session !== undefined) fields.session = f.session;
      if (f.seq !== undefined) fields.seq = f.seq;
      const body = canonicalBytes({ msg: 'SessionRejected', reason, cause });
      if (authenticated) fields.mac = computeMac({ key: key!, direction: 'reply', wallet: this.name, login, kind: 'Wallet.Rejected', fields, body, inReplyTo: f.mac });
      return { kind: 'Wallet.Rejected', fields, body };
    };
    if (!authenticated) return reject('Unauthenticated', 'the request does not authenticate');
    if (!/^[0-9a-f]{32}$/.test(f.session ?? '') || !/^(0|[1-9][0-9]*)$/.test(f.seq ?? '')) return reject('MalformedSession', 'session or seq malformed');
    const seq = Number(f.seq);
    let s = this.sessions.get(f.session);
    const repeat = s?.recorded.get(seq);
    if (s && s.login === login && repeat && repeat.mac === f.mac) return repeat.answer;
    if (msg.kind !== 'Wallet.Deliver') {
      if (seq !== 0) return reject('OutOfSequence', 'a start has seq 0');
      if (s) return reject('SessionInUse', 'session id in use');
      s = { id: f.session, login, key: key!, nextSeq: 0, recorded: new Map(), mode: { kind: 'over' } };
      if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
      this.sessions.set(s.id, s);
    } else {
      if (!s) return reject('UnknownSession', 'no such session');
      if (s.login !== login) return reject('NotItsSession', 'another login started this session');
      if (seq !== s.nextSeq) return reject('OutOfSequence', `seq ${seq} where ${s.nextSeq} expected`);
    }
    const session = s;
    session.nextSeq = seq + 1;
    const answer = (msg.kind === 'Wallet.Deliver' ? this.deliver(session, msg) : this.start(session, msg)).then((a) => this.seal(session, seq, f.mac, a));
    session.recorded.set(seq, { mac: f.mac, answer });
    return answer;
  }

  private seal(s: Session, seq: number, requestMac: string, a: Answer): Message {
    const fields: Fields = { ...a.fields, session: s.id, seq: String(seq) };
    fields.mac = computeMac({ key: s.key, direction: 'reply', wallet: this.name, login: s.login, kind: a.kind, fields, body: a.body, inReplyTo: requestMac });
    return { kind: a.kind, fields, body: a.body };
  }

  private ended(s: Session, o: Outcome): Answer {
    if (s.mode.kind === 'pay' && s.mode.erase) {
      s.mode.erase();
      this.trace.decision('CredentialErased', { session: s.id }, 'E8: the acquired credential is dropped after this one purchase');
    }
    s.mode = { kind: 'over' };
    if (o.outcome === 'Paid') return { kind: 'Wallet.Done', fields: { outcome: 'Paid', brand: o.brand }, body: outcomeBody(o) };
    return { kind: 'Wallet.Refused', fields: { reason: o.reason }, body: outcomeBody(o) };
  }

  private refused(s: Session, reason: string, detail: string, wallet?: string): Answer {
    return this.ended(s, { outcome: 'Refused', reason, wallet, cause: `${reason}: ${detail}` });
  }

  // A refusal the master decides itself (routing), recorded as a decision.
  private decline(s: Session, reason: string, detail: string): Answer {
    this.trace.decision('Refused', { reason }, `${reason}: ${detail}`);
    return this.refused(s, reason, detail);
  }

  private step(s: Session, st: Step): Answer {
    if (st.kind === 'done') return this.ended(s, st.outcome);
    return { kind: 'Wallet.Forward', fields: { ...st.fields, kind: st.setKind }, body: st.body };
  }

  private async start(s: Session, msg: Incoming): Promise<Answer> {
    let wake: WakeUp;
    let brandInfo: { wallet: string; brands: string[] }[] | undefined;
    let sswInfo: string[] | undefined;
    try {
      if (msg.kind === 'Wallet.StartWithInfo') {
        const ci = parseCanonical(msg.body, 'ClientInfo');
        wake = parseWakeUp(bytes(ci, 'wake-up'));
        brandInfo = strings(ci, 'brand-info').map((e) => {
          const eq = e.indexOf('=');
          if (eq <= 0) throw new MalformedMessage('ClientInfo.brand-info: entry without NAME=');
          return { wallet: e.slice(0, eq), brands: e.slice(eq + 1).split('+').filter((b) => b !== '') };
        });
        sswInfo = strings(ci, 'ssw-info');
      } else wake = parseWakeUp(msg.body);
    } catch (e) {
      return this.decline(s, 'MalformedWakeUp', (e as Error).message);
    }
    if (!BRANDS.includes(wake.brand)) return this.decline(s, 'UnknownBrand', `${wake.brand} is not a brand`);
    const order = JSON.stringify([wake.merchant, wake.lidM]);
    if (this.admitted.has(order)) return this.decline(s, 'Replay', `order ${wake.merchant}/${wake.lidM} already accepted at ${this.name}`);
    this.admitted.add(order);

    if (this.topo.master.held.includes(wake.brand)) {
      this.trace.decision('Routed', { wallet: this.name }, `${this.name} holds ${wake.brand} itself: pays directly`);
      const cred = this.topo.credentials.get(wake.brand);
      if (!cred) return this.refused(s, 'BrandNotHeld', `no ${wake.brand} credential provisioned`, this.name);
      return this.pay(s, wake, cred);
    }
    const t = this.topo;
    const table = t.knowledge.kind === 'BrandTable' ? t.knowledge.entries : [];
    switch (t.embodiment) {
      case 'E7':
        return this.routeAndProxy(s, wake, table, "E7: MSW's brand information", false);
      case 'E11':
        return this.routeAndProxy(s, wake, brandInfo ?? [], 'E11: brand information sent by the WUM', false);
      case 'E8':
        return this.routeAndProxy(s, wake, table, "E8: MSW's brand information", true);
      case 'E9':
        return this.chooseAndProxy(s, wake, t.knowledge.kind === 'SswList' ? t.knowledge.names : [], "E9: MSW's SSW information");
      case 'E12':
        return this.chooseAndProxy(s, wake, sswInfo ?? [], 'E12: SSW information sent by the WUM');
      case 'E10':
        return this.typedAndProxy(s, wake);
      default:
        return this.decline(s, 'NoCapableWallet', `${t.embodiment} is not a master/slave embodiment`);
    }
  }

  private pay(s: Session, wake: WakeUp, cred: Credential, erase?: () => void): Answer {
    const purchase = new Purchase(this.name, wake, cred, this.topo.setRoot);
    s.mode = { kind: 'pay', purchase, erase };
    return this.step(s, purchase.start());
  }

  // E7, E8, E11: every slave the brand information lists for the brand, in registration order, until one answers.
  private async routeAndProxy(s: Session, wake: WakeUp, table: { wallet: string; brands: string[] }[], source: string, custody: boolean): Promise<Answer> {
    for (const e of table) this.trace.decision('Queried', { wallet: e.wallet, brands: [...e.brands].join(',') }, source);
    const candidates = this.defects.routeFirstListed ? table.slice(0, 1).map((e) => e.wallet) : table.filter((e) => e.brands.includes(wake.brand)).map((e) => e.wallet);
    if (candidates.length === 0) return this.decline(s, 'NoCapableWallet', `${source} lists no slave for ${wake.brand}`);
    for (const slave of candidates) {
      this.trace.decision('Routed', { wallet: slave }, `${source} lists ${wake.brand}; first capable in registration order`);
      const r = custody ? await this.custody(s, wake, slave) : await this.proxyStart(s, wake, slave);
      if (r.reached) return r.answer;
      this.trace.decision('Skipped', { wallet: slave }, 'did not answer within the bounded wait; trying the next capable wallet');
    }
    return this.decline(s, 'NoCapableWallet', `every capable wallet (${candidates.join(', ')}) was unreachable`);
  }

  private async chooseAndProxy(s: Session, wake: WakeUp, options: string[], source: string): Promise<Answer> {
    this.trace.decision('Offered', { options: options.join(',') }, `${source}; brand unknown to the MSW`);
    const answer = await this.ask(s, wake, 'User.Choose', `Which slave wallet should pay with ${wake.brand}?`, options);
    this.trace.decision('Chose', { choice: answer ?? '(none)' }, "the user's answer");
    if (answer === null) return this.decline(s, 'NoChoice', `${source.slice(0, source.indexOf(':'))}: the user chose no slave wallet`);
    if (!options.includes(answer)) return this.decline(s, 'InvalidChoice', `${answer} was not offered`);
    this.trace.decision('Routed', { wallet: answer }, `${source.slice(0, source.indexOf(':'))}: the slave the user chose`);
    return this.proxyOnly(s, wake, answer);
  }

  private async typedAndProxy(s: Session, wake: WakeUp): Promise<Answer> {
    const answer = await this.ask(s, wake, 'User.TypeAddress', `Network address of the slave wallet that holds ${wake.brand} (ssw://NAME)`, []);
    this.trace.decision('Chose', { choice: answer ?? '(none)' }, "the user's answer");
    if (answer === null) return this.decline(s, 'NoChoice', 'E10: the user typed no address');
    const m = /^ssw:\/\/([A-Za-z0-9-]+)$/.exec(answer);
    if (!m) return this.decline(s, 'MalformedAddress', `${answer} is not ssw://NAME`);
    // The master itself is no slave: nothing to route to.
    if (m[1] === this.name) return this.refused(s, 'UnknownAddress', `${answer} names the master itself`, this.name);
    this.trace.decision('Routed', { wallet: m[1] }, `E10: the address the user typed (${answer})`);
    return this.proxyOnly(s, wake, m[1]);
  }

  // E9, E10, E12: the one slave named; unreachable is the outcome, not a reason to try another.
  private async proxyOnly(s: Session, wake: WakeUp, slave: string): Promise<Answer> {
    const r = await this.proxyStart(s, wake, slave);
    if (r.reached) return r.answer;
    const reason = r.failure === 'UnknownAddress' ? 'UnknownAddress' : 'WalletUnreachable';
    return this.refused(s, reason, `${slave} ${r.failure} at session start`, slave);
  }

  // The user port (E9, E10, E12): one question MAC'd under the user's login, one answer MAC'd over the question's MAC.
  private async ask(s: Session, wake: WakeUp, kind: string, question: string, options: string[]): Promise<string | null> {
    const fields: Fields = { login: s.login, order: sha256(wake.raw).toString('hex').slice(0, 16), question, wallet: this.name };
    if (options.length > 0) fields.options = options.join(',');
    const body = canonicalBytes({ msg: 'User.Question', text: question, options });
    fields.mac = computeMac({ key: s.key, direction: 'question', wallet: this.name, login: s.login, kind, fields, body, inReplyTo: '' });
    const r = await this.send('pc', { kind, fields, body });
    if (!r.ok || r.reply.kind !== 'User.Answer') return null;
    const reply = r.reply;
    if (!macMatches({ key: s.key, direction: 'answer', wallet: this.name, login: s.login, kind: reply.kind, fields: reply.fields, body: reply.body, inReplyTo: fields.mac }, reply.fields.mac)) return null;
    try {
      const a = text(parseCanonical(reply.body, 'User.Answer'), 'answer', true);
      return a === '' ? null : a;
    } catch {
      return null;
    }
  }

  // The virtual WUM: a session of the master's own login at the slave.
  private async sendVirtual(vs: VirtualSession, kind: string, info: Fields, body: Buffer): Promise<Message | { failure: string; detail: string }> {
    const fields: Fields = { ...info, login: MASTER_LOGIN, session: vs.id, seq: String(vs.seq) };
    fields.mac = computeMac({ key: vs.key, direction: 'request', wallet: vs.slave, login: MASTER_LOGIN, kind, fields, body, inReplyTo: '' });
    // A session step waits 2 T and is tried up to 3 times (an identical repeat gets the slave's recorded reply), after a
    // timeout too: a slave that handled the step but whose answer was lost answers the repeat at once from its record,
    // within the PC's 3 T wait for the master, as the reference master does (a purchase paid at the slave is not refused).
    let r = await this.send(`sw://${vs.slave}`, { kind, fields, body }, 2 * this.topo.timeoutMs);
    for (let attempt = 2; !r.ok && (r.failure === 'Unreachable' || r.failure === 'Garbled' || r.failure === 'Timeout') && attempt <= 3; attempt++) r = await this.send(`sw://${vs.slave}`, { kind, fields, body }, 2 * this.topo.timeoutMs);
    if (!r.ok) return { failure: r.failure, detail: r.detail };
    const f = r.reply.fields;
    const sealed = f.session === vs.id && f.seq === String(vs.seq) && macMatches({ key: vs.key, direction: 'reply', wallet: vs.slave, login: MASTER_LOGIN, kind: r.reply.kind, fields: f, body: r.reply.body, inReplyTo: fields.mac }, f.mac);
    if (!sealed) return { failure: 'Garbled', detail: `${vs.slave}: ${r.reply.kind} does not authenticate` };
    vs.seq++;
    return r.reply;
  }

  private relay(s: Session, vs: VirtualSession, reply: Message | { failure: string; detail: string }): Answer {
    if ('failure' in reply) return this.refused(s, 'WalletUnreachable', `${vs.slave}: ${reply.failure} (${reply.detail})`, vs.slave);
    if (!vs.hopped) {
      vs.hopped = true;
      this.trace.decision('ProxyHop', { to: vs.slave }, 'virtual WUM relays the slave session; bodies pass unchanged');
    }
    switch (reply.kind) {
      case 'Wallet.Forward':
        return { kind: reply.kind, fields: strip(reply.fields), body: reply.body };
      case 'Wallet.Done':
      case 'Wallet.Refused':
        s.mode = { kind: 'over' };
        return { kind: reply.kind, fields: strip(reply.fields), body: reply.body };
      default:
        return this.refused(s, 'ProtocolError', `${vs.slave} answered ${reply.kind}`, vs.slave);
    }
  }

  private async proxyStart(s: Session, wake: WakeUp, slave: string): Promise<Attempt> {
    // Without a login at that name (an address the user made up) the start still goes out and the network answers.
    const key = this.topo.logins.get(`${MASTER_LOGIN}@${slave}`) ?? Buffer.alloc(32);
    const vs: VirtualSession = { slave, id: randomBytes(16).toString('hex'), seq: 0, key, hopped: false };
    const reply = await this.sendVirtual(vs, 'Wallet.Start', informational(wake), wake.raw);
    if ('failure' in reply) return { reached: false, failure: reply.failure };
    s.mode = { kind: 'proxy', vs };
    return { reached: true, answer: this.relay(s, vs, reply) };
  }

  private async deliver(s: Session, msg: Incoming): Promise<Answer> {
    const mode = s.mode;
    const kind = msg.fields.kind ?? '';
    if (mode.kind === 'pay') return this.step(s, mode.purchase.deliver(kind, msg.body));
    if (mode.kind === 'proxy') return this.relay(s, mode.vs, await this.sendVirtual(mode.vs, 'Wallet.Deliver', strip(msg.fields), msg.body));
    return this.refused(s, 'ProtocolError', 'the session is over');
  }

  // E8: the certificate acquisition module asks the custodian for the brand's credential for this one order.
  private async custody(s: Session, wake: WakeUp, custodian: string): Promise<Attempt> {
    const id = this.topo.identity;
    if (!id) return { reached: true, answer: this.refused(s, 'CredentialRefused', 'no server identity provisioned for the master', this.name) };
    const nonce = randomBytes(20);
    const request = { msg: 'CustodyRequest', requester: this.name, brand: wake.brand, merchant: wake.merchant, 'lid-m': wake.lidM, amount: wake.amount, currency: wake.currency, nonce, 'ke-chain': id.keChain };
    const body = signMessage('CustodyRequest', request, id.signingKey, id.signingChain);
    const r = await this.send(`sw://${custodian}`, { kind: 'Custody.Acquire', fields: { brand: wake.brand, 'lid-m': wake.lidM, requester: this.name }, body });
    if (!r.ok) return { reached: false, failure: r.failure };
    if (r.reply.kind === 'Custody.Refused') return { reached: true, answer: this.refused(s, 'CredentialRefused', `${custodian}: ${r.reply.fields.reason ?? 'refused'}`, custodian) };
    if (r.reply.kind !== 'Custody.Released') return { reached: true, answer: this.refused(s, 'ProtocolError', `${custodian} answered ${r.reply.kind}`, custodian) };
    let cred: Credential;
    try {
      cred = this.readRelease(r.reply.body, wake, nonce, id);
    } catch (e) {
      return { reached: true, answer: this.refused(s, 'CredentialRefused', `${custodian}: ${(e as Error).message}`, custodian) };
    }
    this.trace.decision('CredentialAcquired', { brand: wake.brand, from: custodian, 'lid-m': wake.lidM }, 'E8: brand certificate obtained for this one order');
    // Erased after PRes, a failure or the end of the session: the secrets are zeroed and the key dropped with the session.
    const erase = () => {
      cred.panSecret.fill(0);
      cred.cardSecret.fill(0);
      cred.pan = '';
    };
    return { reached: true, answer: this.pay(s, wake, cred, erase) };
  }

  private readRelease(body: Buffer, wake: WakeUp, nonce: Buffer, id: NonNullable<Topology['identity']>): Credential {
    const signed = openSigned(body, 'CustodyRelease', this.topo.setRoot);
    const plain = cms.open(signed.content, id.keChain[0], id.keKey);
    const p: { [key: string]: Json } = parseCanonical(plain, 'CredentialPackage');
    if (text(p, 'brand') !== wake.brand || text(p, 'merchant') !== wake.merchant || text(p, 'lid-m') !== wake.lidM) throw new MalformedMessage('the package is for another order');
    if (!bytes(p, 'nonce').equals(nonce)) throw new MalformedMessage('the package answers another request');
    integer(p, 'expiry');
    const c = chain(p, 'chain');
    return { brand: wake.brand, chain: c, key: ecKeyFromScalar(bytes(p, 'key'), c[0]), pan: text(p, 'pan'), panSecret: bytes(p, 'pan-secret'), cardSecret: bytes(p, 'card-secret') };
  }
}

export { parseInner };
