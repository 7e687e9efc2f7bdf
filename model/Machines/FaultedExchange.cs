using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Machines;

/// <summary>
/// A SET purchase under armed network faults, message by message, by the written rules of DECISIONS.md ("Faults and
/// recovery": G1–G5, M1–M8, W1–W3, and the table "Rules for the fault model"). It emits the abstract trace (the
/// inquiry and reversal kinds included) and leaves the merchant's order and the gateway's record in
/// <see cref="Order"/>, so a later <see cref="Step.Heal"/> can be predicted (<see cref="Heal"/>). Only honest
/// wake-ups are faulted (the generator arms faults before those alone); the gateway approves every amount.
/// A crash (<see cref="Step.Crash"/>) is a rule of its own (DECISIONS.md, crash rows): every party persists what the
/// request it handled changed (order table, ledger, transaction log, proxied routing), so the others observe a crash
/// after a request was handled exactly as that request's answer delayed past the timeout; a crash of the wallet that
/// only relays (the master, for a proxied session) or of a slave that runs no session changes nothing.
/// A crash of the PC (DECISIONS.md, "PC restart") is the same rule seen from the PC: it persists its open session, so a
/// session request whose answer it lost is asked again (S1: changes nothing), and a SET message whose merchant answer it
/// lost is the answer delayed past the timeout (the wallet is told NoAnswer: W1, W2).
/// A fault on a wallet-session or custody hop (<see cref="FaultPosition.WalletStart"/> … <see cref="FaultPosition.Custody"/>),
/// and a crash of the custodian, change nothing either (S1–S3: the sender retries the same bytes, the receiver answers a
/// repeat with its recorded reply), so they are never taken here. Two copies of a PReq or an AuthReq in flight at once
/// (<see cref="FaultKind.Concurrent"/>) are answered as the first (M9, G1/G2).
/// </summary>
public sealed class FaultedExchange(RunContext run, List<(FaultKind Kind, FaultPosition At)> armed, FaultedExchange.Record order, IReadOnlyList<Step.Crash>? crashes = null)
{
    /// <summary>Set by the master when it proxies this purchase to a slave (E7, E9–E12).</summary>
    public bool Proxied { get; set; }

    /// <summary>The merchant's order states the rules reach.</summary>
    public enum Merchant { Offered, Initiated, AuthorizationUnknown, Paid, Cancelled, Reversed, Abandoned }

    /// <summary>The gateway's record for the order's XID.</summary>
    public enum Gateway { None, Authorized, Voided, Reversed }

    /// <summary>What the wallet reports for the wake-up.</summary>
    public enum Answer { Paid, Refused, Replay, Unknown }

    /// <summary>One order's state at the merchant, the gateway and the user (what was last reported).</summary>
    public sealed class Record
    {
        /// <summary>The merchant's order state.</summary>
        public Merchant Merchant { get; set; } = Merchant.Offered;
        /// <summary>The gateway's record.</summary>
        public Gateway Gateway { get; set; } = Gateway.None;
        /// <summary>The user's answer (Unknown until a heal resolves it).</summary>
        public Answer Answer { get; set; } = Answer.Refused;
    }

    /// <summary>The order this exchange works on.</summary>
    public Record Order => order;

    private FaultKind? Take(FaultPosition at)
    {
        var i = armed.FindIndex(f => f.At == at);
        if (i < 0) return null;
        var k = armed[i].Kind;
        armed.RemoveAt(i);
        return k;
    }

    private void Msg(MsgKind k) => run.Emit(new AbstractEvent.Msg(k));

    /// <summary>Runs the purchase; the wallet's answer (also kept in <see cref="Order"/>).</summary>
    public Answer Run()
    {
        foreach (var c in crashes ?? [])
            if (c.Party switch
            {
                CrashParty.Wallet => !Proxied,
                CrashParty.Slave => Proxied,
                CrashParty.Custodian => false,
                CrashParty.Pc => c.After is FaultPosition.PInitReq or FaultPosition.PReq or FaultPosition.InqReq,
                _ => true,
            })
                armed.Add((FaultKind.Delay, c.After));
        order.Answer = Purchase();
        return order.Answer;
    }

    private Answer Purchase()
    {
        // W1: no XID yet, nothing at stake.
        Msg(MsgKind.PInitReq);
        var f = Take(FaultPosition.PInitReq);
        if (f == FaultKind.Drop) return Answer.Refused;
        order.Merchant = Merchant.Initiated;
        Msg(MsgKind.PInitRes);
        if (f == FaultKind.Delay) return Answer.Refused;
        // A second PInitReq for an initiated order is Replay (an Error, not a SET message of the model).
        if (f == FaultKind.Duplicate) { Msg(MsgKind.PInitReq); return Answer.Replay; }

        Msg(MsgKind.PReq);
        f = Take(FaultPosition.PReq);
        if (f == FaultKind.Drop) return Inquire();
        // M9: a copy in flight while the first authorizes waits for the first's answer; the merchant asks the gateway once.
        if (f == FaultKind.Concurrent) Msg(MsgKind.PReq);
        var paid = Authorize();
        Msg(MsgKind.PRes);
        if (f == FaultKind.Concurrent) Msg(MsgKind.PRes);
        if (f == FaultKind.Delay) return Inquire();
        if (f == FaultKind.Duplicate)
        {
            // M8: the same PReq again gets the recorded PRes: Paid, or "order received" while the authorization is unknown
            // (the sender then inquires; by then the first copy's inquiry may have settled nothing yet).
            Msg(MsgKind.PReq);
            Msg(MsgKind.PRes);
        }
        return paid ? Answer.Paid : Inquire();
    }

    /// <summary>M1 / G1 / G2: the merchant asks the gateway; true when the PRes says Paid (false: OrderReceived).</summary>
    private bool Authorize()
    {
        Msg(MsgKind.AuthReq);
        var f = Take(FaultPosition.AuthReq);
        if (f == FaultKind.Drop) { order.Merchant = Merchant.AuthorizationUnknown; return false; }
        order.Gateway = Gateway.Authorized;
        Msg(MsgKind.AuthRes);
        if (f == FaultKind.Delay) { order.Merchant = Merchant.AuthorizationUnknown; return false; }
        // G1/G2: the copy (one after the other, or at the same time) gets the recorded AuthRes.
        if (f is FaultKind.Duplicate or FaultKind.Concurrent) { Msg(MsgKind.AuthReq); Msg(MsgKind.AuthRes); }
        order.Merchant = Merchant.Paid;
        return true;
    }

    /// <summary>W2/W3: at most three inquiries; the answer of the first that comes back.</summary>
    private Answer Inquire()
    {
        for (var i = 0; i < 3; i++)
        {
            Msg(MsgKind.InqReq);
            var f = Take(FaultPosition.InqReq);
            if (f == FaultKind.Drop) continue;
            var status = AnswerInquiry();
            Msg(MsgKind.InqRes);
            if (f == FaultKind.Delay) continue;
            if (f == FaultKind.Duplicate) { Msg(MsgKind.InqReq); status = AnswerInquiry(); Msg(MsgKind.InqRes); }
            return status;
        }
        return Answer.Unknown;
    }

    /// <summary>M3: the merchant answers an inquiry by the order's state (resolving an unknown authorization first).</summary>
    private Answer AnswerInquiry()
    {
        if (order.Merchant == Merchant.Initiated) order.Merchant = Merchant.Cancelled;
        if (order.Merchant == Merchant.AuthorizationUnknown) Resolve(abandonIfUnreachable: true, faulted: true);
        return order.Merchant == Merchant.Paid ? Answer.Paid : Answer.Refused;
    }

    /// <summary>M4/M5 (G4): ask the gateway; when it cannot be asked, abandon and reverse (an inquiry) or stay unknown (the sweep).</summary>
    private void Resolve(bool abandonIfUnreachable, bool faulted)
    {
        if (faulted) Msg(MsgKind.AuthInqReq);
        var f = faulted ? Take(FaultPosition.AuthInqReq) : null;
        if (f != FaultKind.Drop)
        {
            if (order.Gateway == Gateway.None) order.Gateway = Gateway.Voided;
            if (faulted) Msg(MsgKind.AuthInqRes);
            if (f == FaultKind.Duplicate) { Msg(MsgKind.AuthInqReq); Msg(MsgKind.AuthInqRes); }
            if (f != FaultKind.Delay)
            {
                order.Merchant = order.Gateway switch
                {
                    Gateway.Authorized => Merchant.Paid,
                    Gateway.Reversed => Merchant.Reversed,
                    _ => Merchant.Cancelled,
                };
                return;
            }
        }
        if (!abandonIfUnreachable) return;
        order.Merchant = Merchant.Abandoned;
        Reverse(faulted);
    }

    /// <summary>M5 / G5: reverse or void the XID; without an answer the order stays Abandoned for the sweep.</summary>
    private void Reverse(bool faulted)
    {
        if (faulted) Msg(MsgKind.AuthRevReq);
        var f = faulted ? Take(FaultPosition.AuthRevReq) : null;
        if (f == FaultKind.Drop) return;
        order.Gateway = order.Gateway == Gateway.Authorized || order.Gateway == Gateway.Reversed ? Gateway.Reversed : Gateway.Voided;
        if (faulted) Msg(MsgKind.AuthRevRes);
        if (f == FaultKind.Duplicate) { Msg(MsgKind.AuthRevReq); Msg(MsgKind.AuthRevRes); }
        if (f != FaultKind.Delay) order.Merchant = Merchant.Reversed;
    }

    /// <summary>
    /// A heal for one order (M6, then the PC's re-inquiry): an unknown authorization is settled from the gateway's
    /// record, a pending reversal is retried; an answer the user had as Unknown becomes the merchant's settled state.
    /// Returns the user's new answer when the heal changed it, else null.
    /// </summary>
    public static Answer? Heal(Record order)
    {
        var x = new FaultedExchange(new RunContext(PredictorOptions.Default), [], order);
        if (order.Merchant == Merchant.AuthorizationUnknown) x.Resolve(abandonIfUnreachable: false, faulted: false);
        else if (order.Merchant == Merchant.Abandoned) x.Reverse(faulted: false);
        if (order.Answer != Answer.Unknown) return null;
        order.Answer = order.Merchant == Merchant.Paid ? Answer.Paid : Answer.Refused;
        return order.Answer;
    }
}
