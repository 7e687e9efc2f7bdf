// The SET purchase a wallet runs itself (the MSW holding the brand, or E8 with an acquired credential): PInitReq,
// then PReq with the dual signature over H(PIData) || H(OIData) and the PI enveloped for the gateway, then PRes.
import { createHash, KeyObject, randomBytes } from 'node:crypto';
import { canonicalBytes, bytes, chain, integer, Json, MalformedMessage, parseCanonical, strings, text } from './canon';
import { seal } from './cms';
import { ecdsaSign, openSigned, parseInner } from './keys';

export interface WakeUp {
  raw: Buffer;
  merchant: string;
  lidM: string;
  desc: string;
  amount: number;
  currency: string;
  brand: string;
}

export interface Credential {
  brand: string;
  chain: Buffer[];
  key: KeyObject;
  pan: string;
  panSecret: Buffer;
  cardSecret: Buffer;
}

export type Step =
  | { kind: 'forward'; setKind: 'PInitReq' | 'PReq' | 'InqReq'; body: Buffer; fields: Record<string, string> }
  | { kind: 'done'; outcome: Outcome };

export type Outcome =
  | { outcome: 'Paid'; wallet: string; brand: string; xid: string; authCode: string }
  | { outcome: 'Refused'; reason: string; wallet?: string; cause: string };

export class ProtocolError extends Error {}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

export function parseWakeUp(raw: Buffer): WakeUp {
  const w = parseCanonical(raw, 'WakeUp');
  for (const k of Object.keys(w)) if (!['amount', 'brand', 'currency', 'desc', 'lid-m', 'merchant', 'msg'].includes(k)) throw new MalformedMessage(`WakeUp.${k}: unknown field`);
  const amount = integer(w, 'amount');
  if (amount < 1) throw new MalformedMessage('WakeUp.amount: not positive');
  const currency = text(w, 'currency');
  if (!/^[A-Z]{3}$/.test(currency)) throw new MalformedMessage('WakeUp.currency: not three capitals');
  return { raw, merchant: text(w, 'merchant'), lidM: text(w, 'lid-m'), desc: text(w, 'desc'), amount, currency, brand: text(w, 'brand') };
}

export function outcomeBody(o: Outcome): Buffer {
  if (o.outcome === 'Paid') return canonicalBytes({ msg: 'Outcome', outcome: 'Paid', wallet: o.wallet, brand: o.brand, xid: o.xid, 'auth-code': o.authCode });
  const body: Record<string, string> = { msg: 'Outcome', outcome: 'Refused', reason: o.reason, cause: o.cause };
  if (o.wallet) body.wallet = o.wallet;
  return canonicalBytes(body);
}

export const informational = (w: WakeUp): Record<string, string> => ({ amount: `${w.amount} ${w.currency}`, brand: w.brand, 'lid-m': w.lidM });

export class Purchase {
  private readonly rrpid = randomBytes(20);
  private readonly challC = randomBytes(20);
  private readonly lidC = 'LC-' + randomBytes(8).toString('hex');
  private stage: 'PInitReq' | 'PReq' | 'InqReq' | 'done' = 'PInitReq';
  private xid?: Buffer;
  private inqRrpid?: Buffer;
  private inqChall?: Buffer;

  constructor(
    private readonly wallet: string,
    private readonly wake: WakeUp,
    private readonly cred: Credential,
    private readonly setRoot: Buffer | undefined,
  ) {}

  private refuse(reason: string, detail: string): Step {
    this.stage = 'done';
    return { kind: 'done', outcome: { outcome: 'Refused', reason, wallet: this.wallet, cause: `${reason}: ${detail}` } };
  }

  start(): Step {
    const body = canonicalBytes({
      msg: 'PInitReq',
      rrpid: this.rrpid,
      'lid-c': this.lidC,
      'lid-m': this.wake.lidM,
      merchant: this.wake.merchant,
      'chall-c': this.challC,
      brand: this.wake.brand,
      thumbs: [],
    });
    return { kind: 'forward', setKind: 'PInitReq', body, fields: informational(this.wake) };
  }

  // The merchant's answer to the last forwarded message (or NoAnswer with the network failure's name).
  deliver(kind: string, body: Buffer): Step {
    try {
      if (kind === 'Error') {
        const err = parseCanonical(body, 'Error');
        const code = text(err, 'code');
        // The merchant's codes that are refusal reasons of their own; every other code is a protocol error.
        return this.refuse(code === 'Declined' || code === 'Replay' ? code : 'ProtocolError', text(err, 'cause'));
      }
      if (this.stage === 'PInitReq' && kind === 'PInitRes') return this.onPInitRes(body);
      if (this.stage === 'PInitReq' && kind === 'NoAnswer') return this.refuse('ProtocolError', `merchant ${body.toString('latin1')} during PInitReq`);
      if ((this.stage === 'PReq' || this.stage === 'InqReq') && kind === 'PRes') return this.onPRes(body);
      if ((this.stage === 'PReq' || this.stage === 'InqReq') && kind === 'NoAnswer') return this.inquire(`merchant ${body.toString('latin1')} during ${this.stage}`);
      if (this.stage === 'InqReq' && kind === 'InqRes') return this.onInqRes(body);
      return this.refuse('ProtocolError', `unexpected ${kind} after ${this.stage}`);
    } catch (e) {
      return this.refuse('ProtocolError', (e as Error).message);
    }
  }

  private onPInitRes(body: Buffer): Step {
    const res = parseInner(openSigned(body, 'PInitRes', this.setRoot), 'PInitRes');
    if (!bytes(res, 'rrpid', 20).equals(this.rrpid)) throw new ProtocolError('PInitRes: RRPID mismatch');
    if (!bytes(res, 'chall-c', 20).equals(this.challC)) throw new ProtocolError('PInitRes: Chall-C mismatch');
    if (text(res, 'lid-m') !== this.wake.lidM) throw new ProtocolError('PInitRes: LID-M mismatch');
    const xid = bytes(res, 'xid', 20);
    const challM = bytes(res, 'chall-m', 20);
    const gwChain = chain(res, 'gw-chain');
    const gwThumb = text(res, 'gw-thumb');
    if (gwChain.length === 0 || sha256(gwChain[0]).toString('hex') !== gwThumb) throw new ProtocolError('PInitRes: gateway thumbprint mismatch');
    this.xid = xid;

    const odSalt = randomBytes(20);
    const hod = sha256(canonicalBytes({ msg: 'HOD', 'od-salt': odSalt, desc: this.wake.desc, amount: this.wake.amount, currency: this.wake.currency }));
    const rrpid = this.rrpid;
    const oidata = canonicalBytes({ msg: 'OIData', 'lid-m': this.wake.lidM, xid, rrpid, 'chall-c': this.challC, hod, 'chall-m': challM, 'od-salt': odSalt, brand: this.wake.brand });
    const piHead = canonicalBytes({
      msg: 'PIHead',
      'lid-m': this.wake.lidM,
      xid,
      hod,
      amount: this.wake.amount,
      currency: this.wake.currency,
      merchant: this.wake.merchant,
      'h-xid-cardsecret': sha256(Buffer.concat([xid, this.cred.cardSecret])),
      brand: this.wake.brand,
    });
    const panData = canonicalBytes({ msg: 'PANData', pan: this.cred.pan, 'pan-secret': this.cred.panSecret, 'ex-nonce': randomBytes(20) });
    const hPIData = sha256(canonicalBytes({ msg: 'PIData', 'pi-head': piHead, 'pan-data': panData }));
    const hOIData = sha256(oidata);
    const dualSig = ecdsaSign(Buffer.concat([hPIData, hOIData]), this.cred.key);
    const piEnv = seal(canonicalBytes({ msg: 'PIEnvelope', 'pi-head': piHead, 'h-oidata': hOIData, 'pan-data': panData }), gwChain[0]);
    const piDualSigned = canonicalBytes({ msg: 'PIDualSigned', 'dual-sig': dualSig, 'pi-env': piEnv });
    const body2 = canonicalBytes({ msg: 'PReq', rrpid, 'pi-dual-signed': piDualSigned, oidata, 'h-pidata': hPIData, chain: this.cred.chain });
    this.stage = 'PReq';
    return { kind: 'forward', setKind: 'PReq', body: body2, fields: { ...informational(this.wake), xid: xid.toString('hex').slice(0, 8) } };
  }

  private paidFrom(res: { [key: string]: Json }): Step {
    if (!bytes(res, 'xid', 20).equals(this.xid!)) throw new ProtocolError('PRes: XID mismatch');
    const completion = text(res, 'completion');
    if (completion === 'Authorized') this.stage = 'done';
    if (completion === 'Authorized')
      return { kind: 'done', outcome: { outcome: 'Paid', wallet: this.wallet, brand: this.wake.brand, xid: this.xid!.toString('hex'), authCode: text(res, 'auth-code') } };
    if (completion === 'Declined') return this.refuse('Declined', 'the gateway declined');
    // The merchant took the order but has no authorization result yet: ask what became of it.
    if (completion === 'OrderReceived') return this.inquire('the merchant received the order without an authorization result');
    return this.refuse('ProtocolError', `PRes completion ${completion}`);
  }

  private onPRes(body: Buffer): Step {
    const res = parseInner(openSigned(body, 'PRes', this.setRoot), 'PRes');
    const expected = this.stage === 'InqReq' ? this.rrpid : this.rrpid;
    if (!bytes(res, 'rrpid', 20).equals(expected)) throw new ProtocolError('PRes: RRPID mismatch');
    return this.paidFrom(res);
  }

  // After an unanswered PReq the wallet asks the merchant what became of the order (fresh RRPID and Chall-C).
  private inquiries = 0;

  // After 3 inquiries the outcome is unknown to the wallet; the cause says so in words the PC recognises ("outcome
  // unknown"), so that it asks again once the network heals.
  private inquire(why: string): Step {
    if (++this.inquiries > 3) return this.refuse('ProtocolError', `outcome unknown after ${this.inquiries - 1} inquiries (${why})`);
    this.stage = 'InqReq';
    this.inqRrpid = randomBytes(20);
    this.inqChall = randomBytes(20);
    const body = canonicalBytes({ msg: 'InqReq', rrpid: this.inqRrpid, 'lid-c': this.lidC, 'lid-m': this.wake.lidM, merchant: this.wake.merchant, xid: this.xid!, 'chall-c': this.inqChall });
    return { kind: 'forward', setKind: 'InqReq', body, fields: { ...informational(this.wake), why, xid: this.xid!.toString('hex').slice(0, 8) } };
  }

  private onInqRes(body: Buffer): Step {
    const res = parseInner(openSigned(body, 'InqRes', this.setRoot), 'InqRes');
    if (!bytes(res, 'rrpid', 20).equals(this.inqRrpid!)) throw new ProtocolError('InqRes: RRPID mismatch');
    if (!bytes(res, 'chall-c', 20).equals(this.inqChall!)) throw new ProtocolError('InqRes: Chall-C mismatch');
    const status = text(res, 'status');
    if (status === 'Paid' || status === 'Declined') {
      const pres = strings(res, 'pres');
      const inner = parseInner(openSigned(Buffer.from(pres[0], 'base64'), 'PRes', this.setRoot), 'PRes');
      return this.paidFrom(inner);
    }
    if (status === 'Pending') return this.inquire('the merchant reports the order pending');
    return this.refuse('ProtocolError', `order cancelled by merchant: ${text(res, 'cause', true)}`);
  }
}
